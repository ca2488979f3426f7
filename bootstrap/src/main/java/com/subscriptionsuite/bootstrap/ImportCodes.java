package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.Imported;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.bootstrap.tenantfile.CodesCsv;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code import-codes TENANT_KEY CAMPAIGN_ID FILE.csv}: adds the codes of a CSV file (one per line,
 * optional header {@code code}) to a single-use campaign of a tenant in the configured database, all
 * or nothing. Codes the campaign already has are counted, not added again, so an import can be
 * repeated.
 */
final class ImportCodes {
    static final String USAGE = "import-codes TENANT_KEY CAMPAIGN_ID FILE.csv";

    private ImportCodes() {
    }

    /** Runs the command on the configured database; returns the exit status (0 imported, 1 not, 2 usage). */
    static int run(ServerConfig config, Clock clock, PasswordHasher hasher, List<String> args, PrintStream out,
            PrintStream err) {
        if (args.size() != 3 || !args.get(1).matches("[0-9]{1,18}")) {
            err.println("usage: java -jar subscription-suite.jar " + USAGE);
            return 2;
        }
        String tenantKey = args.get(0);
        long campaignId = Long.parseLong(args.get(1));
        Path file = Path.of(args.get(2));
        CodesCsv csv;
        try (InputStream in = Files.newInputStream(file)) {
            csv = CodesCsv.read(in);
        } catch (NoSuchFileException e) {
            err.println("cannot read " + file + ": no such file");
            return 1;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        try (Database database = Server.openDatabase(config)) {
            Engine engine = Server.engine(config, database, clock, hasher);
            return importCodes(engine, tenantKey, campaignId, file.toString(), csv, out);
        }
    }

    static int importCodes(Engine engine, String tenantKey, long campaignId, String source, CodesCsv csv,
            PrintStream out) {
        Either<?, Tenant> tenant = engine.resolveTenant().resolve(tenantKey, null);
        if (tenant.isLeft()) {
            out.println(source + ": no tenant with key '" + tenantKey + "', nothing imported");
            return 1;
        }
        Either<VoucherFailure, Imported> imported = engine.defineCampaigns()
                .importCodes(tenant.get().id(), campaignId, csv.codes());
        if (imported.isRight()) {
            out.println(imported.get().newCodes() + " new codes, " + imported.get().alreadyPresent()
                    + " already present");
            return 0;
        }
        List<Problem> problems = imported.getLeft() instanceof VoucherFailure.CampaignsRejected rejected
                ? rejected.problems()
                : List.of(new Problem("campaign", imported.getLeft().message()));
        out.println(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ", nothing imported");
        for (Problem p : problems) {
            out.println("  " + csv.fileLine(p.path()) + ": " + p.reason());
        }
        return 1;
    }
}
