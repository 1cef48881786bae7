package org.yiyong.deeds;

import java.util.List;
import org.yiyong.deeds.internal.Deeds;
import org.yiyong.shared.DomainException;

/**
 * Deeds in the same region within a day of this one share a person (by ID number or name). Intake
 * stops so that staff can check, and goes on when they confirm it is a different act.
 */
public class PossibleDuplicates extends DomainException {

    private final transient List<String> numbers;

    public PossibleDuplicates(List<String> numbers) {
        super(Kind.CONFLICT, "deed.duplicates", String.join("、", numbers));
        this.numbers = List.copyOf(numbers);
    }

    public List<String> numbers() {
        return numbers;
    }
}
