package org.openforge.agent.discovery.stakeholder;

import java.util.Set;
import org.openforge.agent.discovery.text.Sentence;

/**
 * A stakeholder named in a sentence of the engagement text.
 *
 * @param name the words as they appear, title-cased ("Regional Managers", "VP of Sales")
 * @param key the content words, singular and normalised, for matching ("regional manager"; "sale vp")
 * @param qualifier the qualifier words ("regional", "sales"), possibly empty
 * @param profile the role the words imply
 * @param decides the sentence gives them a decision: approve, sign off, own, fund, ...
 * @param benefits the sentence makes them the user or beneficiary: "for X", "X can / need / want ..."
 * @param sponsors the sentence makes them the sponsor: "X sponsors", "funded by X"
 */
record Mention(String name, Set<String> key, String qualifier, RoleProfile profile, Sentence sentence,
    boolean decides, boolean benefits, boolean sponsors) {}
