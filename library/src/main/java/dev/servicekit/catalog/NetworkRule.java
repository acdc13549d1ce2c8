package dev.servicekit.catalog;

import java.util.Optional;

/**
 * An extra security group rule on a service's tasks: what else they may reach ({@link Service#egress}) or
 * what else may reach them ({@link Service#ingress}). The peer is an IPv4 CIDR block or a security group:
 * {@code NetworkRule.tcp(5432).cidr("10.40.0.0/16").describedAs("Postgres in the data VPC")}.
 *
 * @param protocol    {@code tcp} or {@code udp}
 * @param fromPort    first port
 * @param toPort      last port
 * @param cidr        the peer's IPv4 CIDR block, or empty when the peer is a security group
 * @param securityGroupId the peer security group, or empty when the peer is a CIDR block
 * @param description shown in the AWS console; required, within EC2's characters
 */
public record NetworkRule(String protocol, int fromPort, int toPort, Optional<String> cidr,
                          Optional<String> securityGroupId, String description) {
    /** The egress every task has: HTTPS anywhere, for image registries, AWS's APIs and most dependencies. */
    public static final NetworkRule HTTPS_ANYWHERE = tcp(443).cidr("0.0.0.0/0")
            .describedAs("HTTPS to image registries, AWS APIs and dependencies");

    /** True when both rules admit the same traffic, whatever their descriptions: EC2 holds one of them. */
    public boolean sameTrafficAs(NetworkRule other) {
        return protocol.equals(other.protocol) && fromPort == other.fromPort && toPort == other.toPort
                && cidr.equals(other.cidr) && securityGroupId.equals(other.securityGroupId);
    }

    /** A TCP port. */
    public static Peerless tcp(int port) {
        return new Peerless("tcp", port, port);
    }

    /** A TCP port range. */
    public static Peerless tcp(int fromPort, int toPort) {
        return new Peerless("tcp", fromPort, toPort);
    }

    /** A UDP port. */
    public static Peerless udp(int port) {
        return new Peerless("udp", port, port);
    }

    /** Ports waiting for their peer. */
    public record Peerless(String protocol, int fromPort, int toPort) {
        public Described cidr(String block) {
            return new Described(this, Optional.ofNullable(block), Optional.empty());
        }

        public Described securityGroup(String id) {
            return new Described(this, Optional.empty(), Optional.ofNullable(id));
        }
    }

    /** Ports and peer waiting for their description. */
    public record Described(Peerless ports, Optional<String> cidr, Optional<String> securityGroupId) {
        public NetworkRule describedAs(String description) {
            return new NetworkRule(ports.protocol(), ports.fromPort(), ports.toPort(), cidr, securityGroupId,
                    description);
        }
    }
}
