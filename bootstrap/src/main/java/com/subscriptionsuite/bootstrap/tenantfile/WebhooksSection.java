package com.subscriptionsuite.bootstrap.tenantfile;

import com.subscriptionsuite.application.port.out.events.EventType;
import io.vavr.control.Option;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the optional top-level {@code webhooks} array (docs/webhooks.md): each endpoint's
 * {@code name}, {@code url} (http or https), {@code events} (event types, or none / {@code "*"} for
 * all) and {@code secret_env}, the name of the environment variable that holds its signing secret
 * (the secret itself never goes into the file, nor into git).
 */
final class WebhooksSection {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]{0,199}");

    private WebhooksSection() {
    }

    /** An endpoint as written. */
    record Entry(String name, String url, Set<String> events, String secretEnv) {
        Entry {
            events = Set.copyOf(events);
        }
    }

    static Option<Entry> endpoint(Fields f) {
        String name = f.requiredString("name");
        String url = f.requiredString("url");
        List<String> events = f.strings("events");
        String secretEnv = f.requiredString("secret_env");
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            f.problem(f.path("name"), "a webhook's name has 1 to 100 lowercase letters, digits, '-' and '_'");
        }
        if (!url.isEmpty() && !httpUrl(url)) {
            f.problem(f.path("url"), "expected an absolute http or https URL, found '" + url + "'");
        }
        if (!secretEnv.isEmpty() && !ENV.matcher(secretEnv).matches()) {
            f.problem(f.path("secret_env"), "expected the name of an environment variable (A-Z, 0-9, _),"
                    + " found '" + secretEnv + "'; the secret itself is never written in the tenant file");
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (type.equals("*")) {
                continue;
            }
            if (EventType.fromWireName(type).isEmpty()) {
                f.problem(f.path("events") + "[" + i + "]", "unknown event type '" + type + "'; one of "
                        + Arrays.stream(EventType.values()).map(EventType::wireName).toList() + " or '*'");
            }
            types.add(type);
        }
        if (events.contains("*")) {
            types.clear();
        }
        if (!f.finish()) {
            return Option.none();
        }
        return Option.some(new Entry(name, url, types, secretEnv));
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
