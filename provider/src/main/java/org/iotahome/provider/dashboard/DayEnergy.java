package org.iotahome.provider.dashboard;

import java.time.LocalDate;

/**
 * A day's energy from the meter's totals: the last total of the day minus the first (so a day
 * with one reading counts 0); {@code gasM3} null when there is no gas meter.
 */
public record DayEnergy(LocalDate day, double importKwh, double exportKwh, Double gasM3) {}
