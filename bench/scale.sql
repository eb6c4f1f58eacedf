-- Scale for bench/run.sh (issue 15 item 3): 10,000 engagements and 100,000 agent tasks, inserted in bulk into the
-- platform's own tables of a PostgreSQL bench database. The engagements are drafts (no process instance: the
-- lifecycle was never started), each with 10 completed stakeholder_analysis tasks that carry a result, the shape the
-- list and summary read. Rows a REST client would create take hours at 2 cores; the reads measured do not care how
-- the rows arrived.
insert into engagement (id, name, objective, description, priority, agent_config, requires_approval,
                        process_instance_id, created_by, created_at, updated_at)
select md5('bench-engagement-' || g)::uuid::text, 'Scale engagement ' || g, 'Weekly sales by region', null, 'medium',
       '{"auto_run": false}', false, null, 'bench', now() - (g || ' minutes')::interval, now()
from generate_series(1, 10000) g;

insert into agent_task (id, engagement_id, task_type, description, input_data, status, phase, origin, attempts,
                        result, summary, confidence, created_by, created_at, started_at, finished_at)
select md5('bench-task-' || g)::uuid::text, md5('bench-engagement-' || (1 + (g - 1) / 10))::uuid::text,
       'stakeholder_analysis', 'bench', '{"stakeholders": [{"name": "Sales VP", "role": "executive_sponsor"}]}',
       'completed', 'discovery', 'api', 1, '{"stakeholder_count": 1}', '1 stakeholder', 0.8, 'bench',
       now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
from generate_series(1, 100000) g;
analyze engagement;
analyze agent_task;
