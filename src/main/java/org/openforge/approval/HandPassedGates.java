package org.openforge.approval;

import java.util.List;
import org.openforge.approval.Approval.ReviewItem;

/**
 * The gates passed by hand in a phase, as a reviewer should see them. Gates belong to the lifecycle, above this
 * package, which implements this.
 */
public interface HandPassedGates {

  List<ReviewItem> reviewItems(String engagementId, String phase);
}
