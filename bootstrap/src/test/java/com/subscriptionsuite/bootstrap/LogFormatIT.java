package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.adapters.http.HttpApi;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The server's logging ({@link LogConfiguration}): text lines by default, JSON lines with SUITE_LOG_FORMAT=json. */
class LogFormatIT {
    @TempDir
    Path dataDir;

    @Test
    void writes_the_request_line_as_json_with_its_fields_when_asked() throws Exception {
        ILoggingEvent requestLine = oneRequestLine("json-req-1");
        LoggerContext json = configured("json");

        OutputStreamAppender<ILoggingEvent> appender =
                (OutputStreamAppender<ILoggingEvent>) json.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json");
        assertThat(appender).isNotNull();
        assertThat(json.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("text")).isNull();
        String line = new String(appender.getEncoder().encode(requestLine), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertThat(parsed.path("logger_name").asText()).isEqualTo(HttpApi.REQUEST_LOG);
        assertThat(parsed.path("level").asText()).isEqualTo("INFO");
        assertThat(parsed.path("correlationId").asText()).isEqualTo("json-req-1");
        assertThat(parsed.path("method").asText()).isEqualTo("GET");
        assertThat(parsed.path("route").asText()).isEqualTo("/page/{id}");
        assertThat(parsed.path("status").isInt()).as(line).isTrue();
        assertThat(parsed.path("status").asInt()).isEqualTo(200);
        assertThat(parsed.path("duration_ms").isNumber()).as(line).isTrue();
        assertThat(parsed.path("tenant").asText()).isEqualTo("demo");
        json.stop();
    }

    @Test
    void writes_text_lines_by_default() throws Exception {
        LoggerContext text = configured(null);
        Logger root = text.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("text")).isNotNull();
        assertThat(root.getAppender("json")).isNull();
        text.stop();
    }

    @Test
    void configures_either_format_without_a_warning_so_logback_prints_no_status_lines_of_its_own() throws Exception {
        for (String format : new String[] {null, "text", "json"}) {
            LoggerContext context = configured(format);
            // logback prints its whole status list on stdout at start when one is a warning: non-JSON lines
            assertThat(context.getStatusManager().getCopyOfStatusList())
                    .as("logback's status with SUITE_LOG_FORMAT=" + format)
                    .allSatisfy(status -> assertThat(status.getLevel())
                            .isLessThan(ch.qos.logback.core.status.Status.WARN));
            context.stop();
        }
    }

    @Test
    void the_jar_writes_json_lines_only_when_asked_and_text_lines_otherwise() throws Exception {
        // the packaged server as operators start it: logback finds LogConfiguration through META-INF/services, and no
        // logback.xml of a dependency's in the jar makes it step aside
        try (JarFile jar = new JarFile(ServerProcess.JAR.toFile())) {
            assertThat(jar.getEntry("logback.xml")).isNull();
            assertThat(jar.getEntry("logback-test.xml")).isNull();
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/" + Configurator.class.getName()))
                    .readAllBytes(), StandardCharsets.UTF_8)).contains(LogConfiguration.class.getName());
        }
        try (ServerProcess json = ServerProcess.start(env(dataDir.resolve("json"), "SUITE_LOG_FORMAT", "json"),
                dataDir.resolve("json.log"))) {
            json.stop();
            List<String> lines = json.output().lines().toList();
            assertThat(lines).as("the server's output").isNotEmpty();
            ObjectMapper mapper = new ObjectMapper();
            for (String line : lines) {
                JsonNode parsed = mapper.readTree(line);
                assertThat(parsed.path("level").asText()).as(line).isNotEmpty();
                assertThat(parsed.path("logger_name").asText()).as(line).isNotEmpty();
            }
            assertThat(lines).anySatisfy(line -> assertThat(mapper.readTree(line).path("message").asText())
                    .startsWith("Subscription Suite Engine listening on http://127.0.0.1:"));
            // the quieter loggers: nothing below WARN from Jetty, Javalin, Flyway or HikariCP
            assertThat(lines).noneSatisfy(line -> {
                JsonNode parsed = mapper.readTree(line);
                assertThat(parsed.path("logger_name").asText()).matches("(org\\.eclipse\\.jetty|io\\.javalin|"
                        + "org\\.flywaydb|com\\.zaxxer\\.hikari)\\..*");
                assertThat(parsed.path("level").asText()).isIn("INFO", "DEBUG", "TRACE");
            });
        }
        try (ServerProcess text = ServerProcess.start(env(dataDir.resolve("text")), dataDir.resolve("text.log"))) {
            text.stop();
            List<String> lines = text.output().lines().toList();
            assertThat(lines).as("the server's output").isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches(
                            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN |ERROR|DEBUG|TRACE) \\S+ \\[[^\\]]*\\] - .*"))
                    .anySatisfy(line -> assertThat(line).contains("c.s.bootstrap.Server [] - Subscription Suite Engine "
                            + "listening on http://127.0.0.1:"));
        }
    }

    @Test
    void a_logback_file_on_the_class_path_takes_over_too() throws Exception {
        Path withFile = Files.createDirectories(dataDir.resolve("with-file"));
        Files.writeString(withFile.resolve("logback.xml"), "<configuration/>");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {withFile.toUri().toURL()}, null);
                URLClassLoader without = new URLClassLoader(new URL[] {dataDir.resolve("none").toUri().toURL()}, null)) {
            assertThat(LogConfiguration.ownFile(loader)).isTrue();
            assertThat(LogConfiguration.ownFile(without)).isFalse();
        }
    }

    @Test
    void logback_finds_the_configuration_as_a_service_and_an_operators_own_file_takes_over() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(LogConfiguration.class);
        String before = System.getProperty("logback.configurationFile");
        LoggerContext context = new LoggerContext();
        System.setProperty("logback.configurationFile", dataDir.resolve("operators-logback.xml").toString());
        try {
            LogConfiguration configuration = new LogConfiguration();
            configuration.setContext(context);
            assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
                    .as("no appender of ours beside the operator's file").isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
            context.stop();
        }
    }

    @Test
    void refuses_an_unknown_log_format_naming_the_variable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_LOG_FORMAT", "xml")))
                .isInstanceOf(ServerConfig.InvalidConfiguration.class).hasMessageContaining("SUITE_LOG_FORMAT")
                .hasMessageContaining("'xml'");
        assertThat(ServerConfig.fromEnvironment(Map.of("SUITE_LOG_FORMAT", "json"))).isNotNull();
    }

    /** The server's own logging set up in a context of its own, SUITE_LOG_FORMAT as given (null: unset). */
    private static LoggerContext configured(String format) {
        LoggerContext context = new LoggerContext();
        LogConfiguration.configure(context, format);
        return context;
    }

    /** The request log's line of one GET of the demo tenant's shop page, sent with this X-Request-Id. */
    private ILoggingEvent oneRequestLine(String requestId) {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.REQUEST_LOG);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
        try (Server server = start(env(dataDir))) {
            var reply = get(server, "/page/1", "X-Request-Id", requestId);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.headers().firstValue("X-Request-Id")).contains(requestId);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(before);
        }
        // the server is closed: every line of the request is written
        return lines.list.stream().filter(e -> requestId.equals(e.getMDCPropertyMap().get(HttpApi.CORRELATION_ID)))
                .findFirst().orElseThrow();
    }
}
