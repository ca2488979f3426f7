package com.subscriptionsuite.application.service.revenue;

import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches;
import com.subscriptionsuite.application.port.in.revenue.RevenueFailure;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/** The admin's reads and re-post, always within the admin's tenant. */
final class ManageRevenueBatchesService implements ManageRevenueBatches {
    private final RevenueBatches batches;
    private final Clock clock;

    ManageRevenueBatchesService(RevenueBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    public BatchPage batches(long tenantId, int page, int pageSize) {
        return batches.page(tenantId, Math.max(1, page), Math.max(1, Math.min(100, pageSize)));
    }

    @Override
    public Either<RevenueFailure, BatchDetail> batch(long tenantId, long batchId) {
        return batches.detail(tenantId, batchId).toEither(() -> new RevenueFailure.BatchNotFound(batchId));
    }

    @Override
    public Either<RevenueFailure, String> csv(long tenantId, long batchId) {
        return batches.csv(tenantId, batchId).<RevenueFailure>toEither(() -> new RevenueFailure.BatchNotFound(batchId))
                .flatMap(csv -> csv.toEither(() -> new RevenueFailure.BatchNotUploaded(batchId)));
    }

    @Override
    public Either<RevenueFailure, BatchSummary> confirm(long tenantId, long batchId) {
        Option<RevenueBatches.Reposted> confirmed = batches.confirm(tenantId, batchId, clock.instant());
        if (confirmed.isEmpty()) {
            return Either.left(new RevenueFailure.BatchNotFound(batchId));
        }
        RevenueBatches.Reposted r = confirmed.get();
        return r.queued() ? Either.right(r.batch())
                : Either.left(new RevenueFailure.BatchNotInDoubt(batchId, r.batch().status()));
    }

    @Override
    public Either<RevenueFailure, BatchSummary> repost(long tenantId, long batchId) {
        Option<RevenueBatches.Reposted> reposted = batches.repost(tenantId, batchId, clock.instant());
        if (reposted.isEmpty()) {
            return Either.left(new RevenueFailure.BatchNotFound(batchId));
        }
        RevenueBatches.Reposted r = reposted.get();
        return r.queued() ? Either.right(r.batch())
                : Either.left(new RevenueFailure.BatchNotRepostable(batchId, r.batch().status()));
    }
}
