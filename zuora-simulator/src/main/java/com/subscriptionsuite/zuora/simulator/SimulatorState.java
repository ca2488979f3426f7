package com.subscriptionsuite.zuora.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tenant's data and what the simulator saw, for tests to count. Reads answer snapshots; all writes happen
 * inside the simulator under this object's lock.
 */
public final class SimulatorState {

    /** One request as received, with the status answered (0 when the connection was dropped). */
    public record RecordedRequest(String method, String path, String query, int status, String zuoraVersion,
                                  String trackId, String idempotencyKey, String requestId) {}

    /** A request that broke Zuora's API document (or was malformed): a test should fail on any of these. */
    public record InvalidRequest(String method, String path, String body, List<String> messages) {
        @Override
        public String toString() {
            return method + " " + path + ": " + String.join("; ", messages);
        }
    }

    public record SubscriptionVersion(String id, String subscriptionNumber, int version, String status, boolean latest,
                                      String accountId, List<String> productRatePlanIds) {}

    /** An invoice: amount = amountWithoutTax + taxAmount; billRunId null unless a bill run made it. */
    public record InvoiceView(String id, String invoiceNumber, String accountId, BigDecimal amount, String currency,
                              String fileId, BigDecimal amountWithoutTax, BigDecimal taxAmount, String status,
                              java.time.LocalDate invoiceDate, String billRunId) {}

    /** A bill run (POST /v1/bill-runs): its status, target date and the invoices it made. */
    public record BillRunView(String id, String billRunNumber, String status, java.time.LocalDate targetDate,
                              java.time.LocalDate invoiceDate, List<String> invoiceIds) {}

    final Map<String, Model.Account> accounts = new LinkedHashMap<>();
    final Map<String, Model.PaymentMethod> paymentMethods = new LinkedHashMap<>();
    final List<Model.Subscription> subscriptions = new ArrayList<>();
    final Map<String, Model.Order> orders = new LinkedHashMap<>();
    final Map<String, Model.Invoice> invoices = new LinkedHashMap<>();
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<InvalidRequest> invalidRequests = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, Object> idempotencyKeysSeen = new LinkedHashMap<>();
    final List<Model.BillRun> billRuns = new ArrayList<>();

    public synchronized int accountCount() {
        return accounts.size();
    }

    public synchronized List<String> accountNumbers() {
        return accounts.values().stream().map(a -> a.number).toList();
    }

    public synchronized Optional<String> accountIdOf(String accountNumber) {
        return accounts.values().stream().filter(a -> a.number.equals(accountNumber)).map(a -> a.id).findFirst();
    }

    /** Distinct subscriptions (by number). */
    public synchronized int subscriptionCount() {
        return (int) subscriptions.stream().map(s -> s.number).distinct().count();
    }

    /** Every version of every subscription, oldest first. */
    public synchronized List<SubscriptionVersion> subscriptionVersions() {
        return subscriptions.stream().map(SimulatorState::view).toList();
    }

    public synchronized List<SubscriptionVersion> versionsOf(String subscriptionNumber) {
        return subscriptions.stream().filter(s -> s.number.equals(subscriptionNumber))
                .sorted(Comparator.comparingInt(s -> s.version)).map(SimulatorState::view).toList();
    }

    private static SubscriptionVersion view(Model.Subscription s) {
        return new SubscriptionVersion(s.id, s.number, s.version, s.status, s.latest, s.accountId,
                s.ratePlans.stream().filter(r -> !r.removed).map(r -> r.productRatePlanId).toList());
    }

    public synchronized int orderCount() {
        return orders.size();
    }

    public synchronized List<String> orderNumbers() {
        return List.copyOf(orders.keySet());
    }

    public synchronized int invoiceCount() {
        return invoices.size();
    }

    public synchronized List<InvoiceView> invoices() {
        return invoices.values().stream()
                .map(i -> new InvoiceView(i.id, i.number, i.accountId, i.amount, i.currency, i.fileId, i.amountWithoutTax,
                        i.taxAmount, i.status, i.invoiceDate, i.billRunId)).toList();
    }

    /** Every bill run, oldest first. */
    public synchronized List<BillRunView> billRuns() {
        return billRuns.stream().map(r -> new BillRunView(r.id, r.number, r.status, r.targetDate, r.invoiceDate,
                List.copyOf(r.invoiceIds))).toList();
    }

    public synchronized int paymentMethodCount() {
        return paymentMethods.size();
    }

    /** Idempotency keys received on POST/PATCH, in order of first use. */
    public synchronized List<String> idempotencyKeys() {
        return List.copyOf(idempotencyKeysSeen.keySet());
    }

    public List<InvalidRequest> invalidRequests() {
        return List.copyOf(invalidRequests);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests had this method and path (e.g. to count a client's retries). */
    public long requestCount(String method, String path) {
        return requests.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path)).count();
    }

    /** The Zuora-Version header of every /v1 request, null where none was sent. */
    public List<String> zuoraVersions() {
        return requests.stream().filter(r -> r.path().startsWith("/v1/")).map(RecordedRequest::zuoraVersion).toList();
    }
}
