package org.iotahome.provider.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.OptionalLong;
import org.iotahome.protocol.mam.SideKey;

/** One {@link Grant} in the database (V1__grants.sql, V4__grant_expiry.sql); only {@link GrantStore} and the dashboard's queries use it. */
@Entity
@Table(name = "device_grant")
public class GrantRow extends PanacheEntityBase {

    @Id
    @Column(name = "device_root", length = 81)
    public String deviceRoot;

    @Column(name = "device_side_key", nullable = false, length = 81)
    public String deviceSideKey;

    @Column(name = "consent_root", nullable = false, length = 81)
    public String consentRoot;

    @Column(name = "consent_side_key", nullable = false, length = 81)
    public String consentSideKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Grant.Status status;

    @Column(name = "received_at", nullable = false)
    public long receivedAt;

    @Column(name = "confirmed_at")
    public Long confirmedAt;

    @Column(name = "revoked_at")
    public Long revokedAt;

    @Column(name = "expires_at")
    public Long expiresAt;

    void set(Grant grant) {
        deviceRoot = grant.deviceRoot();
        deviceSideKey = grant.deviceSideKey().trytes();
        consentRoot = grant.consentRoot();
        consentSideKey = grant.consentSideKey().trytes();
        status = grant.status();
        receivedAt = grant.receivedAt();
        confirmedAt = nullable(grant.confirmedAt());
        revokedAt = nullable(grant.revokedAt());
        expiresAt = nullable(grant.expiresAt());
    }

    Grant grant() {
        return new Grant(deviceRoot, new SideKey(deviceSideKey), consentRoot, new SideKey(consentSideKey), receivedAt, status,
                optional(confirmedAt), optional(revokedAt), optional(expiresAt));
    }

    private static Long nullable(OptionalLong millis) {
        return millis.isPresent() ? millis.getAsLong() : null;
    }

    private static OptionalLong optional(Long millis) {
        return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
    }
}
