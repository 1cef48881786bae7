package org.yiyong.organization.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import org.yiyong.audit.Changes;
import org.yiyong.organization.OrgType;

/** An organization that takes part in the work, placed in a region and under a parent. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String code;

    private String name;

    private String shortName;

    @Enumerated(EnumType.STRING)
    private OrgType type;

    private String regionCode;

    private Long parentId;

    private String address;

    private String phone;

    private boolean active = true;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Organization() {
    }

    public Organization(String code, OrganizationDetails details, Instant now) {
        this.code = code;
        apply(details);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(OrganizationDetails details, Instant now) {
        apply(details);
        this.updatedAt = now;
    }

    private void apply(OrganizationDetails details) {
        this.name = details.name();
        this.shortName = details.shortName();
        this.type = details.type();
        this.regionCode = details.regionCode();
        this.parentId = details.parentId();
        this.address = details.address();
        this.phone = details.phone();
    }

    public void deactivate(Instant now) {
        if (!active) {
            throw new OrganizationAlreadyInactive(id);
        }
        active = false;
        updatedAt = now;
    }

    public void activate(Instant now) {
        active = true;
        updatedAt = now;
    }

    public Map<String, Object> snapshot() {
        return Changes.snapshot("code", code, "name", name, "shortName", shortName, "type", type, "regionCode",
                regionCode, "parentId", parentId, "address", address, "phone", phone, "active", active);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getShortName() {
        return shortName;
    }

    public OrgType getType() {
        return type;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
