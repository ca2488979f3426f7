package com.subscriptionsuite.domain.archcyclea;

/** Test fixture only: half of a package cycle. */
public class CycleA {
    com.subscriptionsuite.domain.archcycleb.CycleB other;
}
