/**
 * The IDs a newcomer can type into the nodes when they point at this sandbox: LiveVox call
 * centers and services, VCC Live projects, APIO tenant / group / call center. Read from the
 * sandbox as it stands (a call center given more services, a queue changed, shows here), for
 * `npm start` and `npm run sandbox` to print.
 */
import { DateTime } from 'luxon';

import { SEED } from './apio';
import { SEED_LAST_MODIFIED } from './livevox/servicesData';
import {
	EXAMPLE_CALLBACK_SERVICE_ID,
	EXAMPLE_NON_ATTEMPTED_SERVICE_ID,
	EXAMPLE_QUEUE_SERVICE_ID,
} from './livevox/supervisorData';
import type { Sandbox } from './server';
import { CDRS_PER_DAY, cdrsOfDay, EMAILS_PER_MONTH, PROJECT_LIST, PROJECTS, voiceFilesOfMonth } from './vcclive';

/** Services named per call center; the rest are counted. */
const SERVICES_SHOWN = 3;

export interface SandboxIds {
	livevox: {
		/** For "Call Center ID": the Configuration API's call centers and their services. */
		callCenters: Array<{ callCenterId: number; serviceCount: number; services: Array<{ serviceId: number; name: string }> }>;
		/** For "Service ID(s)" of the supervisor calls and the trigger (typed by ID: no call center lists them). */
		supervisorServices: Array<{ serviceId: number; about: string }>;
	};
	vcclive: {
		projects: Array<{ projectId: number; teamId: number; queues: number[]; records: number[] }>;
		/** A call to try in Statistic → Get CDR (and in the disposition sent after it): its UUID, day and record. */
		exampleCall: { uuid: string; callDate: string; projectId: number; recordId: number };
	};
	apio: { callCenters: Array<{ tenantId: string; groupId: string; callCenter: string; agents: number }> };
}

const EXAMPLE_CALL_DAY = DateTime.fromISO('2024-04-01', { zone: 'UTC' });

/** Call 5 of project 214 on 2024-04-01: a CDR of record 21403. */
function exampleCall(): SandboxIds['vcclive']['exampleCall'] {
	const [cdr] = cdrsOfDay(EXAMPLE_CALL_DAY, 214).slice(5, 6);
	return { uuid: cdr.uuid, callDate: EXAMPLE_CALL_DAY.toISODate() ?? '', projectId: cdr.projectid, recordId: cdr.numberid };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function sandboxIds(sandbox: Sandbox): SandboxIds {
	const { services, supervisor } = sandbox.livevox;
	const callCenters = [...SEED_LAST_MODIFIED.keys()].map((callCenterId) => {
		const ids = services.serviceIdsOf(callCenterId) ?? [];
		return {
			callCenterId,
			serviceCount: ids.length,
			services: ids.slice(0, SERVICES_SHOWN).map((serviceId) => ({ serviceId, name: services.get(serviceId)?.general.name ?? '' })),
		};
	});
	const onHold = supervisor.stats(EXAMPLE_QUEUE_SERVICE_ID)?.callsOnHold ?? 0;
	const notDialed = supervisor.nonAttemptedList(EXAMPLE_NON_ATTEMPTED_SERVICE_ID)?.length ?? 0;
	const apioKeys = Object.values(SEED);
	return {
		livevox: {
			callCenters,
			supervisorServices: [
				{ serviceId: EXAMPLE_QUEUE_SERVICE_ID, about: `queue with ${plural(onHold, 'call')} on hold; launches manual calls` },
				{ serviceId: EXAMPLE_NON_ATTEMPTED_SERVICE_ID, about: `${plural(notDialed, 'non-attempted call')} listed` },
				{ serviceId: EXAMPLE_CALLBACK_SERVICE_ID, about: 'takes callbacks' },
			],
		},
		vcclive: {
			projects: PROJECTS.map((project) => ({
				projectId: project.projectid,
				teamId: project.teamid,
				queues: [...project.queues],
				records: sandbox.vcclive.records.recordIdsOf(project.projectid),
			})),
			exampleCall: exampleCall(),
		},
		apio: {
			callCenters: apioKeys
				.filter((key) => sandbox.apio.callCenters.has(key))
				.map((key) => ({ ...key, agents: sandbox.apio.callCenters.agentsOf(key).length })),
		},
	};
}

/** The IDs as lines to print, indented under a heading. */
export function guideLines(sandbox: Sandbox): string[] {
	const { livevox, vcclive, apio } = sandboxIds(sandbox);
	return [
		'IDs to try in the nodes (the sandbox data):',
		'  LiveVox Call Center ID (fills the service lists):',
		...livevox.callCenters.map(({ callCenterId, serviceCount, services }) => {
			const named = services.map((service) => `${service.serviceId} "${service.name}"`).join(', ');
			const more = serviceCount > services.length ? `, ${serviceCount - services.length} more` : '';
			return `    ${callCenterId}: ${plural(serviceCount, 'service')}${serviceCount > 0 ? ` (${named}${more})` : ''}`;
		}),
		'  LiveVox Service IDs for supervisor calls and the LiveVox Trigger (enter them by ID):',
		...livevox.supervisorServices.map(({ serviceId, about }) => `    ${serviceId}: ${about}`),
		'  VCC Live Project IDs (and the Record IDs of Record → Get and Add Disposition):',
		...vcclive.projects.map(
			({ projectId, teamId, queues, records }) =>
				`    ${projectId}: team ${teamId}, ${queues.length === 1 ? 'queue' : 'queues'} ${queues.join(', ')}; records ${records.join(', ')}`,
		),
		`    CDRs: every day ${PROJECTS.map(({ projectid }) => `${CDRS_PER_DAY[projectid] ?? 0} in ${projectid}`).join(', ')} (e.g. Call UUID ${vcclive.exampleCall.uuid} of ${vcclive.exampleCall.callDate})`,
		`    Voice files: every month ${voiceFilesOfMonth(2024, 4).length} (the answered calls of its first three days)`,
		`    Emails: every month ${PROJECTS.map(({ projectid }) => `${EMAILS_PER_MONTH[projectid] ?? 0} in ${projectid}`).join(', ')}`,
		`    Folders (Project → List): ${PROJECT_LIST.filter((entry) => entry.container).map((entry) => `${entry.projectid} "${entry.name}"`).join(', ')}`,
		`    Quota IDs (Project → Get and Modify Quota Limits): ${PROJECTS.map(({ projectid }) => {
			const ids = sandbox.vcclive.quotas.of(projectid).map((quota) => quota.quotaid);
			return `${ids[0]}–${ids[ids.length - 1]} in ${projectid}`;
		}).join(', ')}`,
		'  Netaxis APIO Tenant / Group / Call Center:',
		...apio.callCenters.map(({ tenantId, groupId, callCenter, agents }) => `    ${tenantId} / ${groupId} / ${callCenter} (${plural(agents, 'agent')})`),
	];
}
