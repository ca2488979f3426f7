package com.subscriptionsuite.application.port.in.revenue;

import io.vavr.control.Either;
import java.util.List;

/**
 * Records revenue lines of a tenant as pending, to be posted to Zuora Revenue by {@link PostRevenue}.
 * Idempotent by source id: a line whose source id the tenant already has is not recorded again (the
 * first recording wins). All lines are checked first; if one is invalid none is recorded.
 */
public interface RecordRevenueLines {
    Either<RevenueFailure, Recorded> record(long tenantId, List<RevenueLine> lines);

    /** How many lines were new and how many were recorded before. */
    record Recorded(int recorded, int alreadyRecorded) {
    }
}
