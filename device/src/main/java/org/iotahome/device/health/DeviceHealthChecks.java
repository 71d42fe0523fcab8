package org.iotahome.device.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.device.serial.SerialStats;

/**
 * Health (quarkus-smallrye-health, {@code /q/health}): readiness is the outside the device needs,
 * the meter's port and the node; liveness is one check per stream, down while it is failing, with
 * why and since when. Every stream retries by itself: down says "behind", not "restart me".
 */
@ApplicationScoped
public class DeviceHealthChecks {

    @Produces
    @Readiness
    HealthCheck serial(SerialSource serial) {
        return () -> {
            SerialStats.Snapshot s = serial.stats();
            HealthCheckResponseBuilder b = HealthCheckResponse.named("serial").status(s.connected())
                    .withData("port", serial.portPath()).withData("telegrams", s.telegrams()).withData("connects", s.connects());
            if (!s.connected() && s.problem() != null) b.withData("problem", s.problem());
            return b.build();
        };
    }

    @Produces
    @Readiness
    HealthCheck node(NodeStatus node) {
        return () -> {
            NodeStatus.Snapshot n = node.snapshot();
            HealthCheckResponseBuilder b = HealthCheckResponse.named("node").status(n.reachable()).withData("attaches", n.attaches());
            if (n.problem() != null) b.withData("problem", n.problem());
            if (n.lastAnswer() != null) b.withData("lastAnswer", n.lastAnswer().toString());
            if (n.lastAttach() != null) b.withData("lastAttachMillis", n.lastAttach().toMillis());
            return b.build();
        };
    }

    @Produces
    @Liveness
    HealthCheck readings(StreamHealth health) {
        return stream(health, DeviceStream.READINGS);
    }

    @Produces
    @Liveness
    HealthCheck outboxDrain(StreamHealth health) {
        return stream(health, DeviceStream.OUTBOX_DRAIN);
    }

    @Produces
    @Liveness
    HealthCheck pairingInbox(StreamHealth health) {
        return stream(health, DeviceStream.PAIRING_INBOX);
    }

    @Produces
    @Liveness
    HealthCheck consentFollower(StreamHealth health) {
        return stream(health, DeviceStream.CONSENT_FOLLOWER);
    }

    private static HealthCheck stream(StreamHealth health, DeviceStream stream) {
        return () -> {
            StreamHealth.Status s = health.status(stream);
            HealthCheckResponseBuilder b = HealthCheckResponse.named(stream.label()).status(!s.failing())
                    .withData("failures", s.failures());
            if (s.failing()) b.withData("problem", s.problem()).withData("failingSince", s.failingSince().toString());
            if (s.lastOk() != null) b.withData("lastOk", s.lastOk().toString());
            return b.build();
        };
    }
}
