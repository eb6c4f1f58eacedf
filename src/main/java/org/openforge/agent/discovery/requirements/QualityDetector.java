package org.openforge.agent.discovery.requirements;

import java.util.List;

/** Finds the non-functional requirements of one category in a sentence. */
interface QualityDetector {

  List<QualityFinding> detect(String text);
}
