package cn.bipin.scheme;

import java.util.List;
import java.util.Locale;

/**
 * A competing unit: a department (部门) or a town/street (镇街).
 *
 * @param emails  where the unit's mail goes (feedback sheets, reminders); empty when the unit gets no mail
 * @param senders further addresses the unit may submit from; its {@code emails} may submit too
 */
public record Unit(String code, String name, UnitGroup group, List<String> emails, List<String> senders) {

    public Unit {
        emails = emails == null ? List.of() : List.copyOf(emails);
        senders = senders == null ? List.of() : List.copyOf(senders);
    }

    /** A unit that neither gets nor sends mail. */
    public Unit(String code, String name, UnitGroup group) {
        this(code, name, group, List.of(), List.of());
    }

    /** Whether a file mailed from this address may count as this unit's submission (case-insensitive). */
    public boolean maySubmitFrom(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        return emails.contains(a) || senders.contains(a);
    }
}
