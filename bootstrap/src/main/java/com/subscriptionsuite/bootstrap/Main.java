package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code java -jar subscription-suite.jar} starts the server (configuration from the environment,
 * see {@link ServerConfig}); {@code check-tenant FILE...} checks tenant files without starting
 * anything and prints every problem; {@code outbox [N]} prints the newest N (default 20) mails of
 * the outbox, the embedded default's mail delivery, from the configured database;
 * {@code import-codes TENANT_KEY CAMPAIGN_ID FILE.csv} imports voucher codes into a single-use
 * campaign in the configured database ({@link ImportCodes}); {@code bill-run} runs the built-in
 * ledger's bill run once for every tenant ({@link BillRun}); {@code catalog-sync [TENANT_KEY...]} takes the
 * products, rate plans and charges from the billing system's catalog ({@link CatalogSyncCommand});
 * {@code cds-training} is the build's training run of the class-data-sharing archive ({@link CdsTraining}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check-tenant")) {
            boolean ok = true;
            for (int i = 1; i < args.length; i++) {
                ok &= TenantFileLoader.check(Path.of(args[i]), System.out);
            }
            System.exit(ok && args.length > 1 ? 0 : 1);
        }
        if (args.length == 1 && args[0].equals(CdsTraining.NAME)) {
            System.exit(CdsTraining.run(System.out, System.err));
        }
        if (args.length > 0 && !args[0].equals("outbox") && !args[0].equals("import-codes")
                && !args[0].equals(BillRun.USAGE) && !args[0].equals(CatalogSyncCommand.NAME)) {
            System.err.println("usage: java -jar subscription-suite.jar [check-tenant FILE... | outbox [N] | "
                    + ImportCodes.USAGE + " | " + BillRun.USAGE + " | " + CatalogSyncCommand.USAGE + "]");
            System.exit(2);
        }
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(System.getenv());
        } catch (ServerConfig.InvalidConfiguration e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals("import-codes")) {
            System.exit(ImportCodes.run(config, Clock.systemUTC(), Argon2PasswordHasher.recommended(),
                    Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(BillRun.USAGE)) {
            System.exit(BillRun.run(config, Clock.systemUTC(), Argon2PasswordHasher.recommended(), System.out,
                    System.err));
        }
        if (args.length > 0 && args[0].equals(CatalogSyncCommand.NAME)) {
            System.exit(CatalogSyncCommand.run(config, Clock.systemUTC(), Argon2PasswordHasher.recommended(),
                    Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0) {
            int limit = args.length > 1 && args[1].matches("[0-9]{1,6}") ? Integer.parseInt(args[1]) : 20;
            Outbox.print(config, limit, System.out);
            return;
        }
        Server server = Server.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    }
}
