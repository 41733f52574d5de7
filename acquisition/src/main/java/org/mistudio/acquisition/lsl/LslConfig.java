package org.mistudio.acquisition.lsl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Network configuration of outlets, inlets and resolvers: the discovery scope and known peers (unicast
 * addresses that are queried in addition to the scope's groups, liblsl's {@code lab.KnownPeers}).
 * In {@link LslScope#MACHINE} scope every socket binds to 127.0.0.1 and {@link #checkDestination} refuses
 * any destination that is not a loopback address, so nothing leaves the machine.
 */
public record LslConfig(LslScope scope, List<InetAddress> knownPeers) {

    /** Discovery (multicast) port (liblsl src/api_config.cpp {@code multicast.MulticastPort}). */
    public static final int DISCOVERY_PORT = 16571;
    /** First data/service port (liblsl {@code ports.BasePort}). */
    public static final int BASE_PORT = 16572;
    /** Number of data/service ports tried (liblsl {@code ports.PortRange}). */
    public static final int PORT_RANGE = 32;
    /** Protocol version spoken (liblsl src/common.h {@code LSL_PROTOCOL_VERSION}). */
    public static final int PROTOCOL_VERSION = 110;

    public LslConfig {
        knownPeers = List.copyOf(knownPeers);
        if (scope.loopbackOnly()) {
            for (InetAddress a : knownPeers) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("LSL scope machine allows loopback peers only, not " + a);
                }
            }
        }
    }

    /** Loopback only: what tests use. */
    public static LslConfig machine() {
        return new LslConfig(LslScope.MACHINE, List.of());
    }

    /** A scope without known peers. */
    public static LslConfig of(LslScope scope) {
        return new LslConfig(scope, List.of());
    }

    /** The scope from {@code MISTUDIO_LSL_SCOPE} (default site). */
    public static LslConfig fromEnvironment() {
        return of(LslScope.fromEnvironment());
    }

    /** Address every socket binds to: 127.0.0.1 in machine scope, the wildcard otherwise. */
    public InetAddress bindAddress() {
        try {
            return scope.loopbackOnly() ? InetAddress.getByName("127.0.0.1") : InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws if this configuration may not send to {@code address} (machine scope: loopback only). */
    public void checkDestination(InetAddress address) {
        if (scope.loopbackOnly() && !address.isLoopbackAddress()) {
            throw new SecurityException("LSL scope machine: refusing to send to non-loopback address " + address);
        }
    }

    /** Where discovery queries go: the scope's groups on the discovery port, known peers and (machine scope)
     * 127.0.0.1 on every service port, since a unicast datagram to a port shared with SO_REUSEADDR reaches
     * only one of the sockets bound to it. */
    public List<java.net.InetSocketAddress> discoveryTargets() {
        List<java.net.InetSocketAddress> out = new java.util.ArrayList<>();
        try {
            for (String g : scope.ipv4Groups()) {
                out.add(new java.net.InetSocketAddress(InetAddress.getByName(g), DISCOVERY_PORT));
            }
            List<InetAddress> unicast = new java.util.ArrayList<>(knownPeers);
            unicast.add(InetAddress.getByName("127.0.0.1"));
            for (InetAddress a : unicast) {
                for (int p = BASE_PORT; p < BASE_PORT + PORT_RANGE; p++) {
                    out.add(new java.net.InetSocketAddress(a, p));
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        for (java.net.InetSocketAddress t : out) {
            checkDestination(t.getAddress());
        }
        return List.copyOf(out);
    }
}
