package com.subscriptionsuite.application.service.archcyclea;

/** Test fixture only: half of a package cycle. */
public class CycleA {
    com.subscriptionsuite.application.service.archcycleb.CycleB other;
}
