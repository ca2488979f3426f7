package com.subscriptionsuite.domain.archcycleb;

/** Test fixture only: the other half of a package cycle. */
public class CycleB {
    com.subscriptionsuite.domain.archcyclea.CycleA other;
}
