package com.subscriptionsuite.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The server's logging, set up in code (logback finds it through {@code META-INF/services}): one console
 * appender, {@code text} (the default) or {@code json} as {@code SUITE_LOG_FORMAT} says (one JSON object per
 * line, logstash-logback-encoder: MDC, key-value pairs and stack traces as fields; docs/observability.md), the
 * root at INFO and Jetty, Javalin, Flyway and HikariCP at WARN.
 *
 * <p>In code rather than a {@code logback.xml} because that is a serial part of every start: logback's XML
 * configurator (its SAX parser, its model and its actions) and the JSON encoder that file declared even when
 * text was chosen took about a tenth of a first start's wall time (docs/benchmarks.md "Startup"). Only the
 * chosen format's encoder is created. A file of one's own still wins: with {@code -Dlogback.configurationFile}
 * set, or a {@code logback.xml} / {@code logback-test.xml} on the class path (a host that embeds the server, the
 * benchmarks), this configurator steps aside and logback reads that file as usual.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    /** The text lines' layout: time, level, logger, the request's correlation id, message. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} [%X{correlationId}] - %msg%n";
    /** The appender's name: the format's ({@link ServerConfig#LOG_FORMATS}). */
    static final String TEXT = "text";
    static final String JSON = "json";
    private static final Map<String, Level> QUIETER = Map.of("org.eclipse.jetty", Level.WARN, "io.javalin",
            Level.WARN, "org.flywaydb", Level.WARN, "com.zaxxer.hikari", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (ownFile(loader == null ? LogConfiguration.class.getClassLoader() : loader)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, System.getenv("SUITE_LOG_FORMAT"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether logback is to read a file of its user's: named by the system property, or on the class path. */
    static boolean ownFile(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }

    /**
     * Sets up {@code context} for the format named ({@code json}; anything else, null included, is text:
     * {@link ServerConfig} refuses a value other than the two at start, with a message naming the variable).
     */
    static void configure(LoggerContext context, String format) {
        boolean json = JSON.equals(format);
        Encoder<ILoggingEvent> encoder;
        if (json) {
            LogstashEncoder logstash = new LogstashEncoder();
            logstash.setContext(context);
            encoder = logstash;
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setContext(context);
            pattern.setPattern(TEXT_PATTERN);
            encoder = pattern;
        }
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(json ? JSON : TEXT);
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
