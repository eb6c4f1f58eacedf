package org.openforge.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background beats of the platform itself (node heartbeats); the engine's job executor schedules its own work. */
@Configuration
@EnableScheduling
public class SchedulingConfig {}
