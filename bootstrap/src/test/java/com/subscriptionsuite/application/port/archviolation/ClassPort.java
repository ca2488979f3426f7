package com.subscriptionsuite.application.port.archviolation;

/** Test fixture only: a port that is a class, to prove the rule fails. */
public class ClassPort {
}
