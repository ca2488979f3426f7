package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.adapters.http.HttpApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The server's logback.xml: text lines by default, JSON lines with SUITE_LOG_FORMAT=json. */
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
    void refuses_an_unknown_log_format_naming_the_variable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_LOG_FORMAT", "xml")))
                .isInstanceOf(ServerConfig.InvalidConfiguration.class).hasMessageContaining("SUITE_LOG_FORMAT")
                .hasMessageContaining("'xml'");
        assertThat(ServerConfig.fromEnvironment(Map.of("SUITE_LOG_FORMAT", "json"))).isNotNull();
    }

    /** The server's own logback.xml in a context of its own, SUITE_LOG_FORMAT as given (null: unset). */
    private static LoggerContext configured(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        if (format != null) {
            context.putProperty("SUITE_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Server.class.getResource("/logback.xml"));
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
