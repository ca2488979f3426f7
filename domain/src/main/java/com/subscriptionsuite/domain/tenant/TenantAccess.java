package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.identity.SecretHash;
import java.util.List;
import java.util.Objects;

/**
 * Who may call a tenant's API from where: the browser origins allowed by CORS
 * ({@code https://shop.example.com}) and the admin API keys, kept only as SHA-256 hashes (the
 * tenant file holds the hashes, never the keys).
 */
public record TenantAccess(List<String> corsOrigins, List<AdminKey> adminKeys) {
    public TenantAccess {
        corsOrigins = List.copyOf(corsOrigins);
        adminKeys = List.copyOf(adminKeys);
    }

    public static TenantAccess none() {
        return new TenantAccess(List.of(), List.of());
    }

    /** One admin API key: a name for the logs and the SHA-256 (hex) of the key. */
    public record AdminKey(String name, String sha256) {
        public AdminKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The admin key a presented secret matches, compared in constant time per key. */
    public io.vavr.control.Option<AdminKey> adminKeyFor(String presented) {
        if (presented == null || presented.isEmpty()) {
            return io.vavr.control.Option.none();
        }
        String hash = SecretHash.of(presented);
        AdminKey found = null;
        for (AdminKey k : adminKeys) {
            if (SecretHash.same(hash, k.sha256().toLowerCase(java.util.Locale.ROOT))) {
                found = k;
            }
        }
        return io.vavr.control.Option.of(found);
    }

    public boolean allowsOrigin(String origin) {
        return origin != null && corsOrigins.contains(origin);
    }
}
