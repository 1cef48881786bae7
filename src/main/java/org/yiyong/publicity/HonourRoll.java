package org.yiyong.publicity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.files.Attachments;
import org.yiyong.honours.GrantedHonours;
import org.yiyong.organization.Regions;

/**
 * 光荣榜: the people honoured who consented to the roll (or whose family did, for a person who died), each with
 * their standing honours (title and year), their county, the citation approved with the consent and the photo
 * kept with it. Nothing else of the person is shown. Read live on every request, so a withdrawn consent takes
 * the person off at once.
 */
@Service
@Transactional(readOnly = true)
public class HonourRoll {

    private final Consents consents;
    private final GrantedHonours honours;
    private final Attachments attachments;
    private final Regions regions;

    HonourRoll(Consents consents, GrantedHonours honours, Attachments attachments, Regions regions) {
        this.consents = consents;
        this.honours = honours;
        this.attachments = attachments;
        this.regions = regions;
    }

    /** One honour of a person on the roll. */
    public record Title(String title, String level, int year) {
    }

    /**
     * A person on the roll, known to the portal by the id of their consent (never their registry id): the latest
     * honour's year and region first.
     */
    public record Entry(long consentId, String name, String regionCode, String regionName, int year,
            List<Title> titles, String citation, boolean family, Long photoId, long samaritanId) {
    }

    /** The person on the roll under this consent, while it stands (and they hold a standing honour). */
    public java.util.Optional<Entry> entry(long consentId) {
        Map<Long, Consents.Consent> one = new LinkedHashMap<>();
        consents.standingFor(null, Consents.Purpose.HONOUR_ROLL).values().stream()
                .filter(consent -> consent.id() == consentId).findFirst()
                .ifPresent(consent -> one.put(consent.samaritanId(), consent));
        return build(one).stream().findFirst();
    }

    /**
     * The roll, newest honour first, narrowed to a year (of any of their honours), a title's level and a county
     * when given.
     */
    public List<Entry> entries(Integer year, String level, String regionCode) {
        return matching(build(consents.standingFor(null, Consents.Purpose.HONOUR_ROLL)), year, level, regionCode);
    }

    /** The entries of a year (of any of their honours), a title's level and a county (of the latest honour). */
    public static List<Entry> matching(List<Entry> entries, Integer year, String level, String regionCode) {
        return entries.stream()
                .filter(entry -> year == null || entry.titles().stream().anyMatch(t -> t.year() == year))
                .filter(entry -> level == null || level.isBlank()
                        || entry.titles().stream().anyMatch(t -> t.level().equals(level)))
                .filter(entry -> regionCode == null || regionCode.isBlank() || entry.regionCode().equals(regionCode))
                .toList();
    }

    /** The years that have someone among these entries, latest first. */
    public static List<Integer> years(List<Entry> entries) {
        return entries.stream().flatMap(e -> e.titles().stream().map(Title::year)).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** The entries of the people consenting, with their standing honours and latest photo, newest honour first. */
    private List<Entry> build(Map<Long, Consents.Consent> consenting) {
        Map<Long, List<GrantedHonours.Granted>> byPerson = new LinkedHashMap<>();
        for (GrantedHonours.Granted granted : honours.toPeople(consenting.keySet())) {
            byPerson.computeIfAbsent(granted.samaritanId(), id -> new ArrayList<>()).add(granted);
        }
        List<Entry> entries = new ArrayList<>();
        byPerson.forEach((person, granted) -> {
            GrantedHonours.Granted latest = granted.get(0);
            Consents.Consent consent = consenting.get(person);
            List<Long> photos = attachments.pictureIds(Consents.ENTITY, consent.id());
            entries.add(new Entry(consent.id(), latest.name(), latest.regionCode(), regions.nameOf(latest.regionCode()),
                    latest.year(), granted.stream().map(g -> new Title(g.title(), g.level(), g.year())).toList(),
                    consent.citation(), consent.givenBy() == Consents.GivenBy.FAMILY,
                    photos.isEmpty() ? null : photos.get(photos.size() - 1), person));
        });
        entries.sort(Comparator.comparingInt(Entry::year).reversed().thenComparing(Entry::name));
        return entries;
    }
}
