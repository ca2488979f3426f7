package com.subscriptionsuite.application.port.out;

/** Knows the passwords attackers try first (leaked-password lists, keyboard walks, names ...). */
public interface CommonPasswords {
    /** Whether the password is among the most common or trivially guessable ones. */
    boolean isCommon(String password);
}
