package cn.gov.shanwei.xinyixing.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member of staff who signs in to the staff pages. The password is kept only as a PBKDF2 hash in
 * the format Jakarta Security's identity store reads, so sign-in needs no code of ours.
 */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    @Id
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();

    protected StaffUser() {
    }

    public StaffUser(String username, String displayName, String passwordHash, Set<String> roles, Instant createdAt) {
        for (String role : roles) {
            if (!Roles.STAFF.contains(role)) {
                throw new IllegalArgumentException("Not a staff role: " + role);
            }
        }
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new TreeSet<>(roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }
}
