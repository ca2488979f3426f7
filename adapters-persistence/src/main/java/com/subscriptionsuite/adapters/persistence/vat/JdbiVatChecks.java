package com.subscriptionsuite.adapters.persistence.vat;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.vat.VatCheckDao.CheckRow;
import com.subscriptionsuite.application.port.in.vat.VatOutcome;
import com.subscriptionsuite.application.port.out.VatChecks;
import io.vavr.control.Option;
import org.jdbi.v3.core.Jdbi;

/** {@link VatChecks} in the {@code vat_check} table (schema {@code V5__vat_checks}); rows are only ever added. */
public final class JdbiVatChecks implements VatChecks {
    private final Handles handles;

    public JdbiVatChecks(Jdbi jdbi) {
        Handles.prepare(jdbi, VatCheckDao.class);
        this.handles = new Handles(jdbi);
    }

    @Override
    public void add(Evidence e) {
        CheckRow row = new CheckRow(e.tenantId(), e.userId(), e.vatId(), e.outcome().code(), e.reason(),
                e.consultationNumber(), e.name(), e.address(), e.checkedAt());
        handles.with(VatCheckDao.class, dao -> {
            dao.insert(row);
            return null;
        });
    }

    @Override
    public Option<Evidence> latest(long tenantId, String vatId) {
        return Option.ofOptional(handles.with(VatCheckDao.class, dao -> dao.latest(tenantId, vatId)))
                .map(r -> new Evidence(r.tenantId(), r.userId(), r.vatId(), VatOutcome.ofCode(r.outcome()),
                        r.reason(), r.consultationNumber(), r.name(), r.address(), r.checkedAt()));
    }
}
