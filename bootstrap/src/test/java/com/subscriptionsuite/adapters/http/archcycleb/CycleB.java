package com.subscriptionsuite.adapters.http.archcycleb;

/** Test fixture only: the other half of a package cycle. */
public class CycleB {
    com.subscriptionsuite.adapters.http.archcyclea.CycleA other;
}
