package com.subscriptionsuite.application.port.out.billing.archviolation;

/** A billing port that mints numbers, for RulesCatchViolationsTest only. */
public interface StorageGateway {
    String nextNumber(long tenantId);
}
