package com.subscriptionsuite.application.service.archcycleb;

/** Test fixture only: the other half of a package cycle. */
public class CycleB {
    com.subscriptionsuite.application.service.archcyclea.CycleA other;
}
