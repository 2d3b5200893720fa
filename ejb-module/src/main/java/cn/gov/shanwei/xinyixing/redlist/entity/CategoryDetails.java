package cn.gov.shanwei.xinyixing.redlist.entity;

import java.math.BigDecimal;

/**
 * The figures behind a red-list category, as far as the platform knows them; each may be absent.
 * The rule of a category says which one must be present and what threshold it must reach.
 *
 * @param level          level of the recognising body (model workers, heroic deeds, volunteers)
 * @param bloodMl        cumulative voluntary blood donation in millilitres
 * @param donationYuan   cumulative charitable donation (or its equivalent) in yuan, two decimals
 * @param volunteerStars volunteer star rating (1–5)
 * @param taxpayerGrade  tax credit grade (A, B, M, C, D)
 */
public record CategoryDetails(Level level, Integer bloodMl, BigDecimal donationYuan, Integer volunteerStars,
                              String taxpayerGrade) {

    public static final CategoryDetails NONE = new CategoryDetails(null, null, null, null, null);
}
