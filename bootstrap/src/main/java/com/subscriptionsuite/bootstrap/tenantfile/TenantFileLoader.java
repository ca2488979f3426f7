package com.subscriptionsuite.bootstrap.tenantfile;

import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints;

import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.domain.tenant.Problem;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads tenant files through {@link DefineTenant} and their voucher campaigns through
 * {@link DefineCampaigns}, all or nothing: a file with any problem the reader finds changes
 * nothing, and {@link TenantFileRejected} lists every problem with its path.
 *
 * <p>The tenant definition and its campaigns are stored in one unit of work: what the file itself
 * gets wrong is found before anything is stored, and what only the store knows (a code that another
 * campaign of the tenant already has) rolls the tenant definition back too.
 */
public final class TenantFileLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TenantFileLoader.class);
    public static final String DEMO_RESOURCE = "/tenants/demo.json";

    private final DefineTenant defineTenant;
    private final DefineCampaigns defineCampaigns;
    private final Transactions transactions;
    private final WebhookEndpoints webhooks;

    public TenantFileLoader(DefineTenant defineTenant, DefineCampaigns defineCampaigns, Transactions transactions) {
        this(defineTenant, defineCampaigns, transactions, null);
    }

    /** Also storing each file's webhook endpoints ({@code webhooks}, replaced whole per tenant); null: not stored. */
    public TenantFileLoader(DefineTenant defineTenant, DefineCampaigns defineCampaigns, Transactions transactions,
            WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
        this.defineTenant = defineTenant;
        this.defineCampaigns = defineCampaigns;
        this.transactions = transactions;
    }

    /** A tenant file that was refused; the message lists every problem, one per line. */
    public static final class TenantFileRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        TenantFileRejected(String source, List<Problem> problems) {
            super(report(source, problems));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public void loadDemo() {
        define("demo tenant", TenantFileReader.readResource(DEMO_RESOURCE, "demo tenant"));
    }

    public void load(Path file) {
        define(file.toString(), TenantFileReader.readFile(file));
    }

    private void define(String source, Either<List<Problem>, TenantFile> read) {
        if (read.isLeft()) {
            throw new TenantFileRejected(source, read.getLeft());
        }
        TenantFile file = read.get();
        transactions.inTransaction(() -> {
            var defined = defineTenant.define(file.definition());
            if (defined.isLeft()) {
                throw new TenantFileRejected(source, defined.getLeft().problems());
            }
            long tenantId = defined.get().tenantId();
            if (!file.campaigns().isEmpty()) {
                var campaigns = defineCampaigns.define(tenantId, file.campaigns().stream()
                        .map(c -> new CampaignWithCodes(c.campaign(), c.codes())).toList());
                if (campaigns.isLeft()) {
                    // thrown inside the unit: the tenant definition stored above is rolled back
                    throw new TenantFileRejected(source,
                            problems(campaigns.getLeft()).stream().map(file::locate).toList());
                }
                LOG.info("tenant '{}': {} campaign(s) defined, {} new code(s)", defined.get().key(),
                        campaigns.get().campaigns(), campaigns.get().newCodes());
            }
            if (webhooks != null) {
                webhooks.replace(tenantId, file.webhooks().stream().map(w -> new WebhookEndpoints.Endpoint(tenantId,
                        w.name(), w.url(), w.events(), w.secretEnv())).toList());
                if (!file.webhooks().isEmpty()) {
                    LOG.info("tenant '{}': {} webhook endpoint(s)", defined.get().key(), file.webhooks().size());
                }
            } else if (!file.webhooks().isEmpty()) {
                LOG.warn("tenant '{}': webhooks are not delivered by this host; {} endpoint(s) ignored",
                        defined.get().key(), file.webhooks().size());
            }
            LOG.info("tenant '{}' (id {}) loaded from {}", defined.get().key(), tenantId, source);
            return null;
        });
    }

    private static List<Problem> problems(VoucherFailure failure) {
        if (failure instanceof VoucherFailure.CampaignsRejected rejected) {
            return rejected.problems();
        }
        return List.of(new Problem("$.campaigns", failure.message()));
    }

    /** Reads a file and prints its problems (or that it is fine) without storing anything. */
    public static boolean check(Path file, PrintStream out) {
        Either<List<Problem>, TenantFile> read = TenantFileReader.readFile(file);
        if (read.isLeft()) {
            out.println(report(file.toString(), read.getLeft()));
            return false;
        }
        TenantFile ok = read.get();
        out.println(file + ": OK (tenant '" + ok.definition().tenant().key() + "'"
                + (ok.campaigns().isEmpty() ? "" : ", " + ok.campaigns().size() + " campaign(s) with "
                        + ok.codeCount() + " code(s)") + ")");
        return true;
    }

    static String report(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem, nothing loaded" : " problems, nothing loaded");
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p.path()).append(": ").append(p.reason());
        }
        return sb.toString();
    }
}
