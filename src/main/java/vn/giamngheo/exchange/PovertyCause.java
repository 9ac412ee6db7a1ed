package vn.giamngheo.exchange;

/** A cause of poverty (nguyên nhân nghèo) as reported by plans. */
public enum PovertyCause implements Coded {
    LACK_CAPITAL, LACK_LAND, LACK_MEANS, LACK_LABOUR, NO_JOB, LACK_SKILLS, MANY_DEPENDANTS, ILLNESS,
    SOCIAL_EVILS, RELUCTANT_TO_WORK, OTHER
}
