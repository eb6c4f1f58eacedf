-- Messages now record built-in agents' runs too (their tool calls and result), beside model conversations.
-- channel: 'agent' (the built-in agent's own steps) or 'model' (an LLM conversation, restored when a run resumes).
alter table agent_message add column channel varchar(16) default 'model' not null;
