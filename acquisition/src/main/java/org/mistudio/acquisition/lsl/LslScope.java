package org.mistudio.acquisition.lsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Discovery scope, as liblsl's {@code multicast.ResolveScope} (src/api_config.cpp): each scope adds its IPv4
 * groups to the narrower ones' and sets the multicast TTL. {@link #MACHINE} is loopback only: everything binds
 * to 127.0.0.1 and nothing is sent anywhere else (enforced by {@link LslConfig#checkDestination}).
 */
public enum LslScope {
    MACHINE(0, "127.0.0.1"),
    LINK(1, "255.255.255.255", "224.0.0.1", "224.0.0.183"),
    SITE(24, "239.255.172.215"),
    ORGANIZATION(32),
    GLOBAL(255);

    /** The variable that sets the default scope. */
    public static final String ENV = "MISTUDIO_LSL_SCOPE";

    private final int ttl;
    private final String[] ownGroups;

    LslScope(int ttl, String... ownGroups) {
        this.ttl = ttl;
        this.ownGroups = ownGroups;
    }

    /** Multicast TTL liblsl uses for this scope. */
    public int multicastTtl() {
        return ttl;
    }

    /** IPv4 discovery destinations (port 16571) of this scope, the narrower scopes' included. */
    public List<String> ipv4Groups() {
        List<String> out = new ArrayList<>();
        for (LslScope s : values()) {
            if (s.ordinal() <= ordinal()) {
                out.addAll(List.of(s.ownGroups));
            }
        }
        return List.copyOf(out);
    }

    /** True for MACHINE: loopback only. */
    public boolean loopbackOnly() {
        return this == MACHINE;
    }

    /** Parses machine, link, site, organization or global (case-insensitive). */
    public static LslScope parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LSL scope '" + text
                    + "' (expected machine, link, site, organization or global)");
        }
    }

    /** {@code MISTUDIO_LSL_SCOPE} if set, else SITE (liblsl's default). */
    public static LslScope fromEnvironment() {
        String v = System.getenv(ENV);
        return v == null || v.isBlank() ? SITE : parse(v);
    }
}
