package com.subscriptionsuite.bootstrap.tenantfile;

import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads tenant files through {@link DefineTenant}, all or nothing: a file with any problem changes
 * nothing, and {@link TenantFileRejected} lists every problem with its path.
 */
public final class TenantFileLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TenantFileLoader.class);
    static final String DEMO_RESOURCE = "/tenants/demo.json";

    private final DefineTenant defineTenant;

    public TenantFileLoader(DefineTenant defineTenant) {
        this.defineTenant = defineTenant;
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
        try (InputStream in = TenantFileLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo tenant resource " + DEMO_RESOURCE + " is missing");
            }
            define("demo tenant", TenantFileReader.read("demo tenant", in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void load(Path file) {
        define(file.toString(), read(file));
    }

    private static Either<List<Problem>, TenantDefinition> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return TenantFileReader.read(file.toString(), in);
        } catch (IOException e) {
            return Either.left(List.of(new Problem("$", "cannot read " + file + ": " + e.getMessage())));
        }
    }

    private void define(String source, Either<List<Problem>, TenantDefinition> read) {
        if (read.isLeft()) {
            throw new TenantFileRejected(source, read.getLeft());
        }
        var defined = defineTenant.define(read.get());
        if (defined.isLeft()) {
            throw new TenantFileRejected(source, defined.getLeft().problems());
        }
        LOG.info("tenant '{}' (id {}) loaded from {}", defined.get().key(), defined.get().tenantId(), source);
    }

    /** Reads a file and prints its problems (or that it is fine) without storing anything. */
    public static boolean check(Path file, PrintStream out) {
        Either<List<Problem>, TenantDefinition> read = read(file);
        if (read.isLeft()) {
            out.println(report(file.toString(), read.getLeft()));
            return false;
        }
        out.println(file + ": OK (tenant '" + read.get().tenant().key() + "')");
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
