package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncFailure;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport;
import com.subscriptionsuite.application.port.in.catalogsync.SyncCatalog;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code catalog-sync [TENANT_KEY...]}: takes the products, rate plans and charges of the named tenants
 * (of every tenant when none is named) from the billing system's catalog, each tenant all or nothing,
 * on the configured database, and prints what each sync added, changed and removed or every problem
 * of a refused one. {@link #syncEveryTenant(Engine)} is the same for a host's schedule. Both need an
 * engine built with {@code Engine.Builder#catalogSource}; without one there is nothing to sync from.
 */
public final class CatalogSyncCommand {
    static final String NAME = "catalog-sync";
    static final String USAGE = NAME + " [TENANT_KEY...]";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogSyncCommand.class);

    private CatalogSyncCommand() {
    }

    /** Runs the command on the configured database; returns the exit status ({@link #sync}). */
    static int run(ServerConfig config, Clock clock, PasswordHasher hasher, List<String> tenantKeys, PrintStream out,
            PrintStream err) {
        try (Database database = Server.openDatabase(config)) {
            Engine engine = Server.engine(config, database, clock, hasher);
            return sync(engine, tenantKeys, out, err);
        }
    }

    /**
     * Syncs the named tenants (every tenant when none is named), one after the other, each on its own.
     *
     * @return 0 when every sync stored or found nothing to change, 1 when any tenant is unknown or its
     *         sync was refused or failed (the others still ran), 2 when the engine has no catalog source
     */
    static int sync(Engine engine, List<String> tenantKeys, PrintStream out, PrintStream err) {
        Optional<SyncCatalog> group = engine.catalogSync().map(Engine.CatalogSync::syncCatalog);
        if (group.isEmpty()) {
            err.println(NAME + ": the billing system has no catalog to sync from (the engine has no catalog source;"
                    + " with the built-in ledger the tenant file is the catalog)");
            return 2;
        }
        return sync(engine, group.orElseThrow(), tenantKeys, out);
    }

    private static int sync(Engine engine, SyncCatalog sync, List<String> tenantKeys, PrintStream out) {
        Map<String, Either<CatalogSyncFailure, CatalogSyncReport>> outcomes = new LinkedHashMap<>();
        boolean allKnown = true;
        if (tenantKeys.isEmpty()) {
            outcomes.putAll(sync.syncEveryTenant());
        }
        for (String key : tenantKeys) {
            Either<?, Tenant> tenant = engine.resolveTenant().resolve(key, null);
            tenant.forEach(t -> outcomes.put(key, sync.sync(t.id())));
            if (tenant.isLeft()) {
                out.println(key + ": no tenant with this key, nothing synced");
                allKnown = false;
            }
        }
        outcomes.forEach((key, outcome) -> describe(key, outcome).forEach(out::println));
        return allKnown && outcomes.values().stream().allMatch(Either::isRight) ? 0 : 1;
    }

    /**
     * The scheduled sync: every tenant's catalog from the billing system, each all or nothing; every
     * outcome is logged (a change at INFO, a refusal or a billing failure at WARN); the tenants that did
     * sync keep what they stored, and when any tenant's sync was refused or failed an
     * {@link IllegalStateException} naming them is thrown afterwards, so the scheduler counts the run as
     * failed (the next run tries again). A no-op for an engine without a catalog source.
     */
    public static void syncEveryTenant(Engine engine) {
        List<String> failed = new java.util.ArrayList<>();
        engine.catalogSync().ifPresent(group -> group.syncCatalog().syncEveryTenant().forEach((key, outcome) -> {
            List<String> lines = describe(key, outcome);
            if (outcome.isLeft()) {
                LOG.warn("catalog sync: {}", String.join(System.lineSeparator(), lines));
                failed.add(key);
            } else if (outcome.exists(CatalogSyncReport::stored)) {
                LOG.info("catalog sync: {}", lines.get(0));
            }
        }));
        if (!failed.isEmpty()) {
            throw new IllegalStateException("catalog sync refused or failed for tenants " + failed
                    + " (logged above); their catalogs stay as they are");
        }
    }

    /** One line per synced tenant, and one more per problem of a refused sync. */
    static List<String> describe(String key, Either<CatalogSyncFailure, CatalogSyncReport> outcome) {
        return outcome.fold(failure -> describe(key, failure), report -> List.of(report.stored()
                ? key + ": products " + counts(report.products()) + "; rate plans " + counts(report.ratePlans())
                        + "; charges " + counts(report.charges())
                : key + ": up to date, nothing changed"));
    }

    private static List<String> describe(String key, CatalogSyncFailure failure) {
        if (failure instanceof CatalogSyncFailure.Refused refused) {
            List<Problem> problems = refused.problems();
            List<String> lines = new ArrayList<>();
            lines.add(key + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + ", nothing changed");
            problems.forEach(p -> lines.add("  " + p.path() + ": " + p.reason()));
            return lines;
        }
        return List.of(key + ": " + failure.code() + ": " + failure.message() + "; nothing changed");
    }

    private static String counts(CatalogSyncReport.Changes changes) {
        return changes.added().size() + " added, " + changes.changed().size() + " changed, "
                + changes.removed().size() + " removed";
    }
}
