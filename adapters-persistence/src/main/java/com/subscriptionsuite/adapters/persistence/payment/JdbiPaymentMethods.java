package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.payment.PaymentMethodDao.DataRow;
import com.subscriptionsuite.adapters.persistence.payment.PaymentMethodDao.MethodRow;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PaymentMethods} in the {@code payment_method} and {@code payment_method_data} tables (schema
 * {@code V7__payment_methods}, {@code billing_id} from {@code V15__payment_method_billing_id}). A save writes the method row and replaces its data in one transaction
 * (the running unit's, if any). The type, owner and creation time of a stored method never change.
 */
public final class JdbiPaymentMethods implements PaymentMethods {
    private final Handles handles;

    public JdbiPaymentMethods(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, PaymentMethodDao.class);
    }

    @Override
    public Option<PaymentMethod> paymentMethod(long tenantId, String id) {
        if (id == null) {
            return Option.none();
        }
        return handles.with(PaymentMethodDao.class, dao -> Option.ofOptional(dao.method(tenantId, id))
                .map(row -> method(row, dao.data(tenantId, id))));
    }

    @Override
    public Option<PaymentMethod> paymentMethodByBillingId(long tenantId, String billingId) {
        if (billingId == null) {
            return Option.none();
        }
        return handles.with(PaymentMethodDao.class, dao -> Option.ofOptional(dao.methodByBillingId(tenantId,
                        billingId))
                .map(row -> method(row, dao.data(tenantId, row.id()))));
    }

    @Override
    public void save(PaymentMethod m) {
        MethodRow row = new MethodRow(m.tenantId(), m.id(), m.userId(), m.type(), m.status().name(), m.createdAt(),
                m.billingId());
        List<DataRow> data = new ArrayList<>();
        m.data().forEach((key, value) -> data.add(new DataRow(m.tenantId(), m.id(), data.size(), key, value)));
        handles.with(PaymentMethodDao.class, dao -> {
            if (dao.updateStatus(row) == 0) {
                dao.insert(row);
            } else {
                dao.deleteData(m.tenantId(), m.id());
            }
            if (!data.isEmpty()) {
                dao.insertData(data);
            }
            return null;
        });
    }

    private static PaymentMethod method(MethodRow row, List<DataRow> dataRows) {
        Map<String, String> data = new LinkedHashMap<>();
        dataRows.forEach(d -> data.put(d.dataKey(), d.dataValue()));
        return new PaymentMethod(row.id(), row.tenantId(), row.userId(), row.paymentType(), data,
                PaymentMethod.Status.valueOf(row.status()), row.createdAt(), row.billingId());
    }
}
