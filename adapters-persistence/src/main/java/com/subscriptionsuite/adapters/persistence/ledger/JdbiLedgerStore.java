package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.AccountIdentityRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.AccountRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.AddressLineRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.AmendmentRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.ChargeRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.InvoiceRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.LineRow;
import com.subscriptionsuite.adapters.persistence.ledger.LedgerDao.SubscriptionRow;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.Amendment;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.WireNamed;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * {@link LedgerStore} as a ledger in the engine's own database (schema {@code V6__ledger}, see
 * {@code docs/ledger.md}).
 *
 * <h2>Units of work</h2>
 * Every read and write goes through {@link Handles}: inside a {@code JdbiTransactions} unit it joins
 * the unit's transaction, so a checkout or a change is booked whole or not at all; outside one it
 * runs in a transaction of its own. Nothing here takes a second connection while a unit runs
 * (numbers come from database sequences, see {@link #nextNumber}).
 *
 * <h2>Locks and request keys</h2>
 * Callers serialise one customer's units with the engine's own per-customer lock
 * ({@code JdbiCustomerLocks}, port {@code CustomerLocks}), and the unique {@code (tenant_id, user_id)}
 * of {@code billing_account} refuses a second account of a user should two units ever try. The
 * ledger's own commands and its bill run on one account take the account's row
 * ({@link #lockAccount}: {@code SELECT ... FOR UPDATE} on the unit's connection, held until the unit
 * ends; on H2 a wait beyond its lock timeout is retried, {@link Handles#waitingForLock}). The answer
 * to a request key is a {@code ledger_request} row ({@code V10__billing_boundary}) inserted in the
 * unit at a savepoint: a key recorded already (or by a concurrent unit that commits first: the insert
 * waits for it) is a unique violation, turned into an {@link IllegalStateException} with the unit
 * still usable.
 *
 * <h2>Versions</h2>
 * {@link #saveSubscription} reads the stored version, checks the rule of the port (one more, or equal
 * for a billing-only update) and replaces the row with {@code UPDATE ... WHERE version = <read>}; an
 * update that finds the row moved on by another transaction in between is refused as well. Both
 * refusals are {@link IllegalStateException}s, as are a taken uuid, user or number.
 *
 * <h2>Values</h2>
 * Money is read back at its currency's scale; unit prices and tax rates keep the scale they were
 * stored with; instants go through {@code UtcInstants}.
 */
public final class JdbiLedgerStore implements LedgerStore {
    private static final String SELLER = "seller";
    private static final String BILL_TO = "bill_to";

    private final Handles handles;
    private final SecureRandom random = new SecureRandom();

    public JdbiLedgerStore(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, LedgerDao.class);
    }

    // --- accounts -------------------------------------------------------------------------------

    @Override
    public Option<BillingAccount> accountOfUser(long tenantId, long userId) {
        return handles.with(LedgerDao.class,
                dao -> Option.ofOptional(dao.accountOfUser(tenantId, userId)).map(JdbiLedgerStore::account));
    }

    @Override
    public Option<BillingAccount> account(long tenantId, String accountId) {
        return handles.with(LedgerDao.class,
                dao -> Option.ofOptional(dao.account(tenantId, accountId)).map(JdbiLedgerStore::account));
    }

    @Override
    public Option<BillingAccount> lockAccount(long tenantId, String accountId) {
        return handles.with(LedgerDao.class, dao -> Option.ofOptional(
                Handles.waitingForLock(() -> dao.lockAccount(tenantId, accountId))).map(JdbiLedgerStore::account));
    }

    /**
     * Creates the account, or replaces the stored one with the same id. The user and the number of
     * an account never change: a save that changes either is refused, as is a new account for a user
     * who has one, or under a number the tenant has given already.
     */
    @Override
    public void saveAccount(BillingAccount account) {
        AccountRow row = row(account);
        handles.with(handle -> {
            LedgerDao dao = Handles.attach(handle, LedgerDao.class);
            if (dao.updateAccount(row) > 0) {
                return null;
            }
            Optional<AccountIdentityRow> stored = dao.accountIdentity(account.tenantId(), account.id());
            if (stored.isPresent()) {
                throw new IllegalStateException("account " + account.id() + " belongs to user "
                        + stored.get().userId() + " under number " + stored.get().accountNumber()
                        + "; neither changes (given: user " + account.userId() + ", number " + account.number() + ")");
            }
            insertRefusingTaken(handle, () -> dao.insertAccount(row), "account " + account.number() + " of user "
                    + account.userId() + ": the user has an account or the number is taken");
            return null;
        });
    }

    // --- subscriptions --------------------------------------------------------------------------

    @Override
    public List<Subscription> subscriptions(long tenantId, String accountId) {
        return handles.with(LedgerDao.class, dao -> subscriptions(dao.subscriptionsOfAccount(tenantId, accountId),
                dao.chargesOfAccount(tenantId, accountId)));
    }

    @Override
    public Option<Subscription> subscription(long tenantId, String uuid) {
        return handles.with(LedgerDao.class, dao -> Option.ofOptional(dao.subscriptionByUuid(tenantId, uuid))
                .map(row -> subscription(row, dao.charges(tenantId, row.id()))));
    }

    @Override
    public void saveSubscription(Subscription subscription) {
        SubscriptionRow row = row(subscription);
        List<ChargeRow> charges = chargeRows(subscription);
        handles.with(handle -> {
            LedgerDao dao = Handles.attach(handle, LedgerDao.class);
            Optional<Integer> stored = dao.storedVersion(subscription.tenantId(), subscription.id());
            if (stored.isEmpty()) {
                insertRefusingTaken(handle, () -> dao.insertSubscription(row), "subscription " + subscription.number()
                        + ": its id, uuid " + subscription.uuid() + " or number is taken");
            } else {
                int version = stored.get();
                if (subscription.version() != version && subscription.version() != version + 1) {
                    throw lostUpdate(subscription, version);
                }
                if (dao.updateSubscription(row, version) == 0) {
                    throw lostUpdate(subscription, dao.storedVersion(subscription.tenantId(), subscription.id())
                            .orElse(version));
                }
                dao.deleteCharges(subscription.tenantId(), subscription.id());
            }
            if (!charges.isEmpty()) {
                dao.insertCharges(charges);
            }
            return null;
        });
    }

    private static IllegalStateException lostUpdate(Subscription subscription, int storedVersion) {
        return new IllegalStateException("subscription " + subscription.number() + " is at version " + storedVersion
                + ", cannot store version " + subscription.version());
    }

    @Override
    public List<Subscription> dueForBilling(long tenantId, LocalDate day) {
        return handles.with(LedgerDao.class, dao -> subscriptions(dao.dueForBilling(tenantId, day),
                dao.chargesDueForBilling(tenantId, day)));
    }

    // --- invoices -------------------------------------------------------------------------------

    @Override
    public void addInvoice(Invoice invoice) {
        InvoiceRow row = row(invoice);
        List<LineRow> lines = lineRows(invoice);
        List<AddressLineRow> addressLines = addressLineRows(invoice);
        handles.with(handle -> {
            LedgerDao dao = Handles.attach(handle, LedgerDao.class);
            insertRefusingTaken(handle, () -> dao.insertInvoice(row), "invoice " + invoice.number()
                    + ": its id or number is taken");
            dao.insertLines(lines);
            if (!addressLines.isEmpty()) {
                dao.insertAddressLines(addressLines);
            }
            return null;
        });
    }

    @Override
    public List<Invoice> invoices(long tenantId, String accountId) {
        return handles.with(LedgerDao.class, dao -> {
            Map<String, List<LineRow>> lines = group(dao.linesOfAccount(tenantId, accountId), LineRow::invoiceId);
            Map<String, List<AddressLineRow>> addressLines = group(dao.addressLinesOfAccount(tenantId, accountId),
                    AddressLineRow::invoiceId);
            return dao.invoicesOfAccount(tenantId, accountId).stream()
                    .map(row -> invoice(row, lines.getOrDefault(row.id(), List.of()),
                            addressLines.getOrDefault(row.id(), List.of())))
                    .toList();
        });
    }

    @Override
    public Option<Invoice> invoice(long tenantId, String invoiceId) {
        return handles.with(LedgerDao.class, dao -> Option.ofOptional(dao.invoice(tenantId, invoiceId))
                .map(row -> invoice(row, dao.lines(tenantId, invoiceId), dao.addressLines(tenantId, invoiceId))));
    }

    /** The stored invoice rendered as a PDF by {@link InvoicePdf}. */
    @Override
    public Option<InvoiceDocument> invoiceDocument(long tenantId, String invoiceId) {
        return invoice(tenantId, invoiceId).map(InvoicePdf::document);
    }

    // --- amendments -----------------------------------------------------------------------------

    @Override
    public void addAmendment(Amendment amendment) {
        AmendmentRow row = new AmendmentRow(amendment.tenantId(), amendment.id(), amendment.subscriptionId(),
                amendment.action().name(), amendment.requestDate(), amendment.effectiveDate(), amendment.version(),
                amendment.description(), amendment.invoiceId(), amendment.createdAt());
        handles.with(handle -> {
            LedgerDao dao = Handles.attach(handle, LedgerDao.class);
            insertRefusingTaken(handle, () -> dao.insertAmendment(row), "amendment " + amendment.id() + " exists");
            return null;
        });
    }

    @Override
    public List<Amendment> amendments(long tenantId, String subscriptionId) {
        return handles.with(LedgerDao.class, dao -> dao.amendments(tenantId, subscriptionId).stream()
                .map(row -> new Amendment(row.id(), row.tenantId(), row.subscriptionId(),
                        ChangeAction.valueOf(row.changeAction()), row.requestDate(), row.effectiveDate(),
                        row.version(), row.description(), row.invoiceId(), row.createdAt()))
                .toList());
    }

    // --- numbers and ids ------------------------------------------------------------------------

    /**
     * The next value of the kind's database sequence ({@code V8__number_sequences}), taken on the
     * unit's own connection: a sequence locks no row and needs no transaction of its own, so a unit
     * of work never asks the pool for a second connection (issue 9) and units never wait for each
     * other over a number. Two server instances never get one value twice; a value taken by a unit
     * that rolls back is skipped (the port allows it). The series is one per kind for the whole
     * database: tenants that share a database share it, so one tenant's numbers increase but are not
     * contiguous (docs/ledger.md).
     */
    @Override
    public String nextNumber(long tenantId, NumberKind kind) {
        String sequence = kind.name().toLowerCase(java.util.Locale.ROOT) + "_number_seq";
        return kind.format(handles.with(handle -> handle.createQuery("SELECT NEXTVAL('" + sequence + "')")
                .mapTo(Long.class).one()));
    }

    /** 32 lower-case hex characters (128 random bits), the shape of Zuora's ids. */
    @Override
    public String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // --- request keys ---------------------------------------------------------------------------

    @Override
    public Option<String> requestResult(long tenantId, String requestKey) {
        return handles.with(LedgerDao.class, dao -> Option.ofOptional(dao.requestResult(tenantId, requestKey)));
    }

    @Override
    public void recordRequest(long tenantId, String requestKey, String kind, String result, Instant at) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
        handles.with(handle -> {
            LedgerDao dao = Handles.attach(handle, LedgerDao.class);
            insertRefusingTaken(handle, () -> Handles.waitingForLock(() -> {
                dao.insertRequest(tenantId, requestKey, kind, result, at);
                return null;
            }), "request " + requestKey + " of tenant " + tenantId + " is recorded already");
            return null;
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * Runs an insert that a unique key may refuse, rolled back to a savepoint on failure (so the unit
     * stays usable on PostgreSQL), and turns a unique violation into an {@link IllegalStateException}.
     */
    private static void insertRefusingTaken(Handle handle, Runnable insert, String message) {
        try {
            Handles.savepointed(handle, () -> {
                insert.run();
                return null;
            });
        } catch (RuntimeException e) {
            if (Handles.uniqueViolation(e)) {
                throw new IllegalStateException(message, e);
            }
            throw e;
        }
    }

    private static <R> Map<String, List<R>> group(List<R> rows, Function<R, String> key) {
        Map<String, List<R>> groups = new LinkedHashMap<>();
        for (R row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private static Money money(String currency, BigDecimal amount) {
        return Money.of(CurrencyUnit.of(currency), amount, RoundingMode.UNNECESSARY);
    }

    /** A decimal at the scale it was stored with (exact: the column holds the value unrounded). */
    private static BigDecimal scaled(BigDecimal value, Integer scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static <E extends Enum<E> & WireNamed> E wire(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        return WireNamed.parse(type, name).getOrElseThrow(() -> new IllegalStateException(
                "the ledger holds an unknown " + type.getSimpleName() + " '" + name + "'"));
    }

    // --- accounts: rows -------------------------------------------------------------------------

    private static AccountRow row(BillingAccount a) {
        AccountDetails d = a.details();
        return new AccountRow(a.tenantId(), a.id(), a.userId(), a.number(), a.currency().getCode(), d.company(),
                d.companyName(), d.firstName(), d.lastName(), d.street(), d.zipCode(), d.city(), d.state(),
                d.country(), d.email(), d.phone(), d.additionalInfo(), d.hasBillingAddress(), d.billingFirstName(),
                d.billingLastName(), d.billingStreet(), d.billingAdditionalInfo(), d.billingZipCode(),
                d.billingCity(), d.billingCountry(), d.billingEmail(), d.billingPhone(), d.vatId(), d.currency(),
                a.paymentMethodId(), a.createdAt(), a.updatedAt());
    }

    private static BillingAccount account(AccountRow r) {
        AccountDetails details = new AccountDetails(r.company(), r.companyName(), r.firstName(), r.lastName(),
                r.street(), r.zipCode(), r.city(), r.state(), r.country(), r.email(), r.phone(), r.additionalInfo(),
                r.hasBillingAddress(), r.billingFirstName(), r.billingLastName(), r.billingStreet(),
                r.billingAdditionalInfo(), r.billingZipCode(), r.billingCity(), r.billingCountry(), r.billingEmail(),
                r.billingPhone(), r.vatId(), r.detailsCurrency());
        return new BillingAccount(r.id(), r.tenantId(), r.userId(), r.accountNumber(), CurrencyUnit.of(r.currency()),
                details, r.paymentMethodId(), r.createdAt(), r.updatedAt());
    }

    // --- subscriptions: rows --------------------------------------------------------------------

    private static SubscriptionRow row(Subscription s) {
        TermSchedule terms = s.terms();
        return new SubscriptionRow(s.tenantId(), s.id(), s.accountId(), s.number(), s.uuid(), s.startDate(),
                s.billingAnchor(), terms.start(), terms.initialMonths(), terms.renewalMonths(), s.autoRenew(),
                s.chargedThroughDate(), s.cancelDate(), s.version(), s.createdAt());
    }

    private static List<ChargeRow> chargeRows(Subscription s) {
        List<ChargeRow> rows = new ArrayList<>();
        for (int i = 0; i < s.charges().size(); i++) {
            SubscribedCharge c = s.charges().get(i);
            if (!c.listPrice().getCurrencyUnit().equals(c.periodPrice().getCurrencyUnit())) {
                throw new IllegalArgumentException("charge " + c.id() + " has a period price in "
                        + c.periodPrice().getCurrencyUnit() + " and a list price in " + c.listPrice().getCurrencyUnit());
            }
            BigDecimal unitPrice = c.unitPrice();
            rows.add(new ChargeRow(s.tenantId(), s.id(), i, c.id(), c.originalId(), c.number(), c.segment(),
                    c.suiteProductId(), c.ratePlanId(), c.chargeId(), c.name(), c.type().wireName(), c.model(),
                    c.billingPeriod() == null ? null : c.billingPeriod().wireName(), c.specificBillingPeriod(),
                    c.taxMode().wireName(), c.taxable(), c.discount(), c.quantity(),
                    c.periodPrice().getCurrencyUnit().getCode(), c.periodPrice().getAmount(),
                    c.listPrice().getAmount(), unitPrice, unitPrice == null ? null : unitPrice.scale(),
                    c.effectiveStart(), c.effectiveEnd()));
        }
        return rows;
    }

    private static List<Subscription> subscriptions(List<SubscriptionRow> rows, List<ChargeRow> charges) {
        Map<String, List<ChargeRow>> bySubscription = group(charges, ChargeRow::subscriptionId);
        return rows.stream().map(row -> subscription(row, bySubscription.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Subscription subscription(SubscriptionRow r, List<ChargeRow> charges) {
        return new Subscription(r.id(), r.tenantId(), r.accountId(), r.subscriptionNumber(), r.uuid(), r.startDate(),
                r.billingAnchor(), new TermSchedule(r.termStart(), r.initialTermMonths(), r.renewalTermMonths()),
                r.autoRenew(), r.chargedThroughDate(), r.cancelDate(), r.version(), r.createdAt(),
                charges.stream().map(JdbiLedgerStore::charge).toList());
    }

    private static SubscribedCharge charge(ChargeRow r) {
        return new SubscribedCharge(r.id(), r.originalId(), r.chargeNumber(), r.segment(), r.suiteProductId(),
                r.ratePlanId(), r.chargeId(), r.name(), wire(ChargeType.class, r.chargeType()), r.chargeModel(),
                wire(BillingPeriod.class, r.billingPeriod()), r.specificBillingPeriod(),
                wire(TaxMode.class, r.taxMode()), r.taxable(), r.isDiscount(), r.quantity(),
                money(r.currency(), r.periodPrice()), money(r.currency(), r.listPrice()),
                scaled(r.unitPrice(), r.unitPriceScale()), r.effectiveStart(), r.effectiveEnd());
    }

    // --- invoices: rows -------------------------------------------------------------------------

    private static InvoiceRow row(Invoice i) {
        if (!i.paid().getCurrencyUnit().equals(i.currency())) {
            throw new IllegalArgumentException("invoice " + i.number() + " in " + i.currency() + " was paid in "
                    + i.paid().getCurrencyUnit());
        }
        return new InvoiceRow(i.tenantId(), i.id(), i.accountId(), i.number(), i.invoiceDate(), i.dueDate(),
                i.currency().getCode(), i.seller().name(), i.seller().country(), i.seller().vatId(), i.billTo().name(),
                i.billTo().country(), i.billTo().vatId(), i.taxRate(), i.taxRate().scale(), i.taxNote(),
                i.paid().getAmount(), i.createdAt());
    }

    private static List<LineRow> lineRows(Invoice invoice) {
        List<LineRow> rows = new ArrayList<>();
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            TaxSplit amounts = line.amounts();
            rows.add(new LineRow(invoice.tenantId(), invoice.id(), i, line.subscriptionNumber(), line.chargeId(),
                    line.description(), line.serviceStart(), line.serviceEnd(), amounts.netto().getAmount(),
                    amounts.tax().getAmount(), amounts.brutto().getAmount()));
        }
        return rows;
    }

    private static List<AddressLineRow> addressLineRows(Invoice invoice) {
        List<AddressLineRow> rows = new ArrayList<>();
        for (String party : List.of(SELLER, BILL_TO)) {
            List<String> lines = (party.equals(SELLER) ? invoice.seller() : invoice.billTo()).addressLines();
            for (int i = 0; i < lines.size(); i++) {
                rows.add(new AddressLineRow(invoice.tenantId(), invoice.id(), party, i, lines.get(i)));
            }
        }
        return rows;
    }

    private static Invoice invoice(InvoiceRow r, List<LineRow> lines, List<AddressLineRow> addressLines) {
        List<InvoiceLine> invoiceLines = lines.stream()
                .map(l -> new InvoiceLine(l.subscriptionNumber(), l.chargeId(), l.description(), l.serviceStart(),
                        l.serviceEnd(), new TaxSplit(money(r.currency(), l.netto()), money(r.currency(), l.tax()),
                                money(r.currency(), l.brutto()))))
                .toList();
        InvoiceParty seller = new InvoiceParty(r.sellerName(), partyLines(addressLines, SELLER), r.sellerCountry(),
                r.sellerVatId());
        InvoiceParty billTo = new InvoiceParty(r.billToName(), partyLines(addressLines, BILL_TO), r.billToCountry(),
                r.billToVatId());
        return new Invoice(r.id(), r.tenantId(), r.accountId(), r.invoiceNumber(), r.invoiceDate(), r.dueDate(),
                CurrencyUnit.of(r.currency()), seller, billTo, scaled(r.taxRate(), r.taxRateScale()), r.taxNote(),
                invoiceLines, money(r.currency(), r.paid()), r.createdAt());
    }

    /** The party's lines in position order (the query sorts by party, then position). */
    private static List<String> partyLines(List<AddressLineRow> rows, String party) {
        return rows.stream().filter(row -> row.party().equals(party)).map(AddressLineRow::line).toList();
    }
}
