package com.subscriptionsuite.adapters.http.archcyclea;

/** Test fixture only: half of a package cycle. */
public class CycleA {
    com.subscriptionsuite.adapters.http.archcycleb.CycleB other;
}
