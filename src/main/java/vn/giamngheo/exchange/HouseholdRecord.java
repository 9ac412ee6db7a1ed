package vn.giamngheo.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * One row of {@code households.csv} (exchange-format §1). Optional columns are {@code null} when the cell
 * is empty ({@link #areaIfGiven()} and friends wrap them); sets are never null (empty = none).
 */
public record HouseholdRecord(
        String householdCode,
        String communeCode,
        String village,
        Area area,
        String address,
        LocalDate referenceDate,
        Long incomePerCapita,
        BigDecimal b1Score,
        HousingQuality housingQuality,
        BigDecimal floorAreaM2,
        WaterSource waterSource,
        Toilet toilet,
        boolean internetUse,
        Boolean telephoneUse,
        Set<InfoDevice> infoDevices,
        Boolean loudspeakerReach,
        Boolean wasteTreatment,
        Set<PovertyCause> causes,
        Boolean ethnicMinority,
        Boolean meritHousehold,
        Boolean socialProtection) {

    public HouseholdRecord {
        infoDevices = Set.copyOf(infoDevices);
        causes = Set.copyOf(causes);
    }

    public Optional<Area> areaIfGiven() {
        return Optional.ofNullable(area);
    }

    public Optional<Long> incomeIfGiven() {
        return Optional.ofNullable(incomePerCapita);
    }

    public Optional<BigDecimal> b1ScoreIfGiven() {
        return Optional.ofNullable(b1Score);
    }

    public Optional<Boolean> socialProtectionIfGiven() {
        return Optional.ofNullable(socialProtection);
    }
}
