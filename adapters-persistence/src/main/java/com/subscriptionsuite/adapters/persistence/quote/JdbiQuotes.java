package com.subscriptionsuite.adapters.persistence.quote;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.quote.QuoteSource;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import com.subscriptionsuite.application.port.out.quote.StoredQuotes;
import io.vavr.control.Either;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in quote source (the embedded default): quotes in {@code stored_quote} with their
 * contacts and charges (migration {@code V14__quotes}), written by {@link #add} (POST /admin/quote).
 * A quote's source id is its row id. Statuses: {@code open} (can be accepted), {@code accepted},
 * {@code withdrawn}. Its failures are the database's: it answers no {@link QuoteSourceFailure.Unavailable}
 * (an unreachable database is an outage, as for every other table).
 */
public final class JdbiQuotes implements QuoteSource, StoredQuotes {
    private final Handles handles;

    public JdbiQuotes(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public String add(long tenantId, SourceQuote quote) {
        return handles.with(handle -> {
            long id = handle.createUpdate("""
                            INSERT INTO stored_quote (tenant_id, name, quote_number, currency, valid_until, start_date,
                                                      term, vat_id, company_name, status)
                            VALUES (:tenantId, :name, :number, :currency, :validUntil, :startDate, :term, :vatId,
                                    :companyName, 'open')
                            """)
                    .bind("tenantId", tenantId).bind("name", quote.name()).bind("number", quote.number())
                    .bind("currency", quote.currency().strip()).bind("validUntil", quote.validUntil())
                    .bind("startDate", quote.startDate()).bind("term", quote.term()).bind("vatId", quote.vatId())
                    .bind("companyName", quote.companyName())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            contact(handle, tenantId, id, "bill_to", quote.billTo());
            contact(handle, tenantId, id, "sold_to", quote.soldTo());
            for (int i = 0; i < quote.ratePlans().size(); i++) {
                SourceQuote.RatePlan plan = quote.ratePlans().get(i);
                for (int k = 0; k < plan.charges().size(); k++) {
                    SourceQuote.Charge charge = plan.charges().get(k);
                    handle.createUpdate("""
                                    INSERT INTO stored_quote_charge (tenant_id, quote_id, plan_pos, charge_pos,
                                        product_rate_plan_id, amendment_type, product_rate_plan_charge_id, quantity,
                                        effective_price)
                                    VALUES (:tenantId, :quoteId, :planPos, :chargePos, :planId, :amendmentType,
                                            :chargeId, :quantity, :price)
                                    """)
                            .bind("tenantId", tenantId).bind("quoteId", id).bind("planPos", i).bind("chargePos", k)
                            .bind("planId", plan.productRatePlanId()).bind("amendmentType", plan.amendmentType())
                            .bind("chargeId", charge.productRatePlanChargeId()).bind("quantity", charge.quantity())
                            .bind("price", charge.effectivePrice()).execute();
                }
            }
            return Long.toString(id);
        });
    }

    private static void contact(Handle handle, long tenantId, long quoteId, String role, SourceQuote.Contact c) {
        if (c == null) {
            return;
        }
        handle.createUpdate("""
                        INSERT INTO stored_quote_contact (tenant_id, quote_id, role, first_name, last_name, address1,
                            address2, city, state, county, zip_code, country, tax_region, work_email, work_phone, fax)
                        VALUES (:tenantId, :quoteId, :role, :firstName, :lastName, :address1, :address2, :city, :state,
                                :county, :zipCode, :country, :taxRegion, :workEmail, :workPhone, :fax)
                        """)
                .bind("tenantId", tenantId).bind("quoteId", quoteId).bind("role", role)
                .bindMethods(c).execute();
    }

    @Override
    public Either<QuoteSourceFailure, SourceQuote> quote(long tenantId, String sourceId) {
        Optional<Long> id = id(sourceId);
        if (id.isEmpty()) {
            return Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId));
        }
        return handles.with(handle -> read(handle, tenantId, id.get()))
                .<Either<QuoteSourceFailure, SourceQuote>>map(Either::right)
                .orElseGet(() -> Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId)));
    }

    @Override
    public Either<QuoteSourceFailure, Accepted> markAccepted(long tenantId, String sourceId, LocalDate acceptedOn) {
        Optional<Long> id = id(sourceId);
        if (id.isEmpty()) {
            return Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId));
        }
        Optional<String> status = handles.with(handle -> {
            handle.createUpdate("""
                            UPDATE stored_quote SET status = 'accepted', accepted_on = :acceptedOn
                             WHERE tenant_id = :tenantId AND id = :id AND status = 'open'
                            """)
                    .bind("acceptedOn", acceptedOn).bind("tenantId", tenantId).bind("id", id.get()).execute();
            return handle.createQuery("SELECT status FROM stored_quote WHERE tenant_id = :tenantId AND id = :id")
                    .bind("tenantId", tenantId).bind("id", id.get()).mapTo(String.class).findOne();
        });
        if (status.isEmpty()) {
            return Either.left(new QuoteSourceFailure.NotFound("quote " + sourceId));
        }
        if (!status.get().equals("accepted")) {
            return Either.left(new QuoteSourceFailure.Rejected("quote_" + status.get(), "quote " + sourceId + " is "
                    + status.get() + " and cannot be accepted"));
        }
        return Either.right(new Accepted(sourceId));
    }

    /** Withdraws an open quote (it can no longer be accepted); false when there is no open quote so. */
    public boolean withdraw(long tenantId, String sourceId) {
        Optional<Long> id = id(sourceId);
        return id.isPresent() && handles.with(handle -> handle.createUpdate("""
                        UPDATE stored_quote SET status = 'withdrawn' WHERE tenant_id = :tenantId AND id = :id
                           AND status = 'open'
                        """).bind("tenantId", tenantId).bind("id", id.get()).execute()) == 1;
    }

    private static Optional<Long> id(String sourceId) {
        if (sourceId == null || !sourceId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(sourceId));
    }

    private static Optional<SourceQuote> read(Handle handle, long tenantId, long id) {
        Optional<Header> header = handle.createQuery("""
                        SELECT name, quote_number, currency, valid_until, start_date, term, vat_id, company_name, status
                          FROM stored_quote WHERE tenant_id = :tenantId AND id = :id
                        """)
                .bind("tenantId", tenantId).bind("id", id)
                .map((rs, ctx) -> new Header(rs.getString("name"), rs.getString("quote_number"),
                        rs.getString("currency"), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("start_date", LocalDate.class), rs.getString("term"), rs.getString("vat_id"),
                        rs.getString("company_name"), rs.getString("status")))
                .findOne();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<String, SourceQuote.Contact> contacts = new LinkedHashMap<>();
        handle.createQuery("SELECT * FROM stored_quote_contact WHERE tenant_id = :tenantId AND quote_id = :id")
                .bind("tenantId", tenantId).bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("role"), contact(rs)))
                .forEach(e -> contacts.put(e.getKey(), e.getValue()));
        List<PlanCharge> rows = handle.createQuery("""
                        SELECT plan_pos, product_rate_plan_id, amendment_type, product_rate_plan_charge_id, quantity,
                               effective_price
                          FROM stored_quote_charge WHERE tenant_id = :tenantId AND quote_id = :id
                         ORDER BY plan_pos, charge_pos
                        """)
                .bind("tenantId", tenantId).bind("id", id)
                .map((rs, ctx) -> new PlanCharge(rs.getInt("plan_pos"), rs.getString("product_rate_plan_id"),
                        rs.getString("amendment_type"), new SourceQuote.Charge(
                                rs.getString("product_rate_plan_charge_id"), rs.getBigDecimal("quantity"),
                                rs.getBigDecimal("effective_price"))))
                .list();
        List<SourceQuote.RatePlan> plans = new ArrayList<>();
        int pos = -1;
        List<SourceQuote.Charge> charges = null;
        PlanCharge first = null;
        for (PlanCharge row : rows) {
            if (row.planPos() != pos) {
                if (first != null) {
                    plans.add(new SourceQuote.RatePlan(first.planId(), first.amendmentType(), charges));
                }
                pos = row.planPos();
                first = row;
                charges = new ArrayList<>();
            }
            charges.add(row.charge());
        }
        if (first != null) {
            plans.add(new SourceQuote.RatePlan(first.planId(), first.amendmentType(), charges));
        }
        Header h = header.get();
        SourceQuote.Status status = switch (h.status()) {
            case "open" -> SourceQuote.Status.OPEN;
            case "accepted" -> SourceQuote.Status.ACCEPTED;
            default -> SourceQuote.Status.CLOSED;
        };
        return Optional.of(new SourceQuote(Long.toString(id), h.name(), h.number(), h.currency(), h.validUntil(),
                h.startDate(), h.term(), h.vatId(), h.companyName(), status, h.status(), contacts.get("bill_to"),
                contacts.get("sold_to"), plans));
    }

    private static SourceQuote.Contact contact(ResultSet rs) throws SQLException {
        return new SourceQuote.Contact(rs.getString("first_name"), rs.getString("last_name"), rs.getString("address1"),
                rs.getString("address2"), rs.getString("city"), rs.getString("state"), rs.getString("county"),
                rs.getString("zip_code"), rs.getString("country"), rs.getString("tax_region"),
                rs.getString("work_email"), rs.getString("work_phone"), rs.getString("fax"));
    }

    private record Header(String name, String number, String currency, LocalDate validUntil, LocalDate startDate,
            String term, String vatId, String companyName, String status) {
    }

    private record PlanCharge(int planPos, String planId, String amendmentType, SourceQuote.Charge charge) {
    }
}
