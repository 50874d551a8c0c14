import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { getProjectResource } from '../actions/commonFields';
import { vccLiveClient } from '../transport';
import { projectIdOf } from '../vccLiveInput';
import { dispositionChoices, fieldChoices, projectResults } from './projectChoices';

/** Project → From List: every project of "List projects" (GET /v2/projects), folders left out. */
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await vccLiveClient(this);
	const answer = await client.request({ method: 'GET', path: '/v2/projects', kind: 'read', expect: 'json' });
	return { results: projectResults(answer, filter) };
}

/**
 * The parameters of the project picked in the operation's Project field (GET
 * /v2/projects/[projectid]); none while no project is picked yet, so the list stays empty
 * quietly rather than in red.
 */
async function pickedProjectParameters(context: ILoadOptionsFunctions): Promise<unknown> {
	let projectId: number;
	try {
		projectId = projectIdOf(context.getCurrentNodeParameter('projectId', { extractValue: true }));
	} catch {
		return undefined;
	}
	return await getProjectResource(await vccLiveClient(context), projectId);
}

/** The dispositions of the picked project. */
export async function getDispositions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return dispositionChoices(await pickedProjectParameters(this));
}

/** The fields of the picked project, then its phone fields. */
export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldChoices(await pickedProjectParameters(this));
}
