package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.CLOCK;
import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-codes} on the embedded default database, which the server filled with the demo
 * tenant: campaign 2 (single-use, page 1) has 200 codes from the demo's codes file.
 */
class ImportCodesIT {
    private static final String DEMO_CODE = "SPRING27-9CVNGX";

    @TempDir
    Path dir;

    private ServerConfig config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void demoDatabase() {
        config = ServerConfig.fromEnvironment(env(dir.resolve("db")));
        start(env(dir.resolve("db"))).close();
    }

    private int importCodes(String... args) {
        return ImportCodes.run(config, CLOCK, Argon2PasswordHasher.forTests(), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, content);
        return file;
    }

    /** The engine on the same database, as the server would build it. */
    private void withEngine(Consumer<Engine> use) {
        try (Database database = Server.openDatabase(config)) {
            use.accept(Server.engine(config, database, CLOCK, Argon2PasswordHasher.forTests()));
        }
    }

    private static VoucherFailure holdFailure(Engine engine, String code) {
        return hold(engine, code).swap().getOrNull();
    }

    private static io.vavr.control.Either<VoucherFailure, ?> hold(Engine engine, String code) {
        long guest = engine.logInAsGuest().logInAsGuest(1, "10.0.0.1").get().user().id();
        return engine.holdVoucher().hold(new VoucherCommand(1, code, 1L, guest));
    }

    @Test
    void adds_the_codes_of_a_valid_file_and_counts_those_already_present() throws IOException {
        withEngine(engine -> assertThat(holdFailure(engine, "SPRING27-NEW1").code()).isEqualTo("voucher_unknown"));
        Path file = csv("code\nSPRING27-NEW1\nspring27-new2\n\n\"SPRING27-NEW3\"\n" + DEMO_CODE + "\n");

        assertThat(importCodes("demo", "2", file.toString())).isEqualTo(0);

        assertThat(out()).isEqualTo("3 new codes, 1 already present" + System.lineSeparator());
        withEngine(engine -> {
            assertThat(hold(engine, "SPRING27-NEW1").isRight()).isTrue();
            assertThat(hold(engine, "spring27-new3").isRight()).isTrue();
            assertThat(engine.defineCampaigns().importCodes(1, 2, List.of("SPRING27-NEW2")).get().alreadyPresent())
                    .isEqualTo(1);
        });
    }

    @Test
    void stores_nothing_from_a_file_with_one_bad_line_and_names_that_line() throws IOException {
        Path file = csv("code\nSPRING27-BAD1\nSPRING27-BAD2\n\nSPRING 27\nSPRING27-BAD3\n");

        assertThat(importCodes("demo", "2", file.toString())).isEqualTo(1);

        assertThat(out()).contains(file + ": 1 problem, nothing imported")
                .contains("  line 5: 'SPRING 27' is not a voucher code");
        withEngine(engine -> assertThat(holdFailure(engine, "SPRING27-BAD1").code()).isEqualTo("voucher_unknown"));
    }

    @Test
    void refuses_codes_for_the_multi_use_campaign() throws IOException {
        assertThat(importCodes("demo", "1", csv("WELCOME11\n").toString())).isEqualTo(1);
        assertThat(out()).contains("1 problem, nothing imported").contains("file: campaign 1 is a multi-use campaign");
    }

    @Test
    void names_a_missing_file_and_explains_the_usage() {
        assertThat(importCodes("nobody", "2", dir.resolve("db").toString() + "/../none.csv")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        assertThat(importCodes("demo", "x", "codes.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar subscription-suite.jar import-codes");
    }

    @Test
    void names_an_unknown_tenant() throws IOException {
        assertThat(importCodes("nobody", "2", csv("SPRING27-X1\n").toString())).isEqualTo(1);
        assertThat(out()).contains("no tenant with key 'nobody', nothing imported");
    }
}
