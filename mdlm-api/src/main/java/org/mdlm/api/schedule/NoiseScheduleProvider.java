package org.mdlm.api.schedule;

import org.mdlm.api.plugin.Provider;

/**
 * Service interface for noise schedules (e.g. {@code "loglinear"}).
 *
 * @param <C> the schedule's config record
 */
public interface NoiseScheduleProvider<C extends Record> extends Provider<C, NoiseSchedule> {
}
