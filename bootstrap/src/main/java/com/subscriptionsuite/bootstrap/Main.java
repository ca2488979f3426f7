package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code java -jar subscription-suite.jar} starts the server (configuration from the environment,
 * see {@link ServerConfig}); {@code java -jar subscription-suite.jar check-tenant FILE...} checks
 * tenant files without starting anything and prints every problem.
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
        if (args.length > 0) {
            System.err.println("usage: java -jar subscription-suite.jar [check-tenant FILE...]");
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
        Server server = Server.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    }
}
