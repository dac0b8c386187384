import { type UIMessage, getToolName } from 'ai';
import { type FormEvent, useState } from 'react';
import { requirementOf } from './pending-confirmations.js';

type ToolPart = Extract<UIMessage['parts'][number], { toolCallId: string }>;

/** What the page does with an answer: useChat's own functions. */
export interface Answering {
  addToolApprovalResponse(response: { id: string; approved: boolean; reason?: string }): unknown;
  addToolOutput(output: { tool: string; toolCallId: string; output: unknown }): unknown;
}

/** A field of agno's `user_input_schema`. */
interface InputField {
  name: string;
  description?: string;
  value?: unknown;
}

/** A question of agno's `user_feedback_schema` (`ask_user`). */
interface Question {
  question: string;
  header?: string;
  multi_select?: boolean;
  options: { label: string; description?: string | null }[];
}

/**
 * The form that answers a paused tool: approve or deny a confirmation, fill a user-input form,
 * pick answers to feedback questions, or give an external tool's result.
 */
export function AnswerForm({ part, answering }: { part: ToolPart; answering: Answering }) {
  if (part.state === 'approval-requested') return <ApprovalForm approvalId={part.approval.id} answering={answering} />;
  const requirement = requirementOf(part);
  const answer = (output: unknown) => answering.addToolOutput({ tool: getToolName(part), toolCallId: part.toolCallId, output });
  if (requirement?.kind === 'user-input') return <UserInputForm fields={fieldsOf(requirement.schema)} onAnswer={answer} />;
  if (requirement?.kind === 'user-feedback') return <FeedbackForm questions={questionsOf(requirement.schema)} onAnswer={answer} />;
  return <ResultForm toolName={getToolName(part)} onAnswer={answer} />;
}

function ApprovalForm({ approvalId, answering }: { approvalId: string; answering: Answering }) {
  const [reason, setReason] = useState('');
  const respond = (approved: boolean) => void answering.addToolApprovalResponse({ id: approvalId, approved, ...(reason === '' ? {} : { reason }) });
  return (
    <div className="answer" data-testid="answer" data-kind="confirmation">
      <input aria-label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} placeholder="Reason (optional)" />
      <button type="button" onClick={() => respond(true)}>
        Approve
      </button>
      <button type="button" onClick={() => respond(false)}>
        Deny
      </button>
    </div>
  );
}

function UserInputForm({ fields, onAnswer }: { fields: InputField[]; onAnswer: (values: Record<string, string>) => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((field) => [field.name, typeof field.value === 'string' ? field.value : ''])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAnswer(values);
  };
  return (
    <form className="answer" data-testid="answer" data-kind="user-input" onSubmit={submit}>
      {fields.map((field) => (
        <label key={field.name}>
          {field.name}
          {field.description === undefined ? null : <small> ({field.description})</small>}
          <input aria-label={field.name} value={values[field.name] ?? ''} onChange={(event) => setValues({ ...values, [field.name]: event.target.value })} />
        </label>
      ))}
      <button type="submit">Send</button>
    </form>
  );
}

function FeedbackForm({ questions, onAnswer }: { questions: Question[]; onAnswer: (selections: Record<string, string[]>) => void }) {
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const toggle = (question: Question, label: string) => {
    const chosen = selections[question.question] ?? [];
    const next = question.multi_select === true ? (chosen.includes(label) ? chosen.filter((each) => each !== label) : [...chosen, label]) : [label];
    setSelections({ ...selections, [question.question]: next });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAnswer(Object.fromEntries(questions.map((question) => [question.question, selections[question.question] ?? []])));
  };
  return (
    <form className="answer" data-testid="answer" data-kind="user-feedback" onSubmit={submit}>
      {questions.map((question) => (
        <fieldset key={question.question}>
          <legend>{question.question}</legend>
          {question.options.map((option) => (
            <label key={option.label}>
              <input
                type={question.multi_select === true ? 'checkbox' : 'radio'}
                name={question.question}
                checked={(selections[question.question] ?? []).includes(option.label)}
                onChange={() => toggle(question, option.label)}
              />
              {option.label}
              {option.description == null ? null : <small> {option.description}</small>}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit">Send</button>
    </form>
  );
}

function ResultForm({ toolName, onAnswer }: { toolName: string; onAnswer: (result: string) => void }) {
  const [result, setResult] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAnswer(result);
  };
  return (
    <form className="answer" data-testid="answer" data-kind="external-execution" onSubmit={submit}>
      <label>
        Result of {toolName}
        <textarea aria-label="Result" value={result} onChange={(event) => setResult(event.target.value)} />
      </label>
      <button type="submit">Send</button>
    </form>
  );
}

function fieldsOf(schema: unknown): InputField[] {
  return Array.isArray(schema) ? schema.filter((field): field is InputField => typeof field?.name === 'string') : [];
}

function questionsOf(schema: unknown): Question[] {
  if (!Array.isArray(schema)) return [];
  return schema
    .filter((question) => typeof question?.question === 'string')
    .map((question) => ({ ...question, options: Array.isArray(question.options) ? question.options.filter((option: { label?: unknown }) => typeof option?.label === 'string') : [] }));
}
