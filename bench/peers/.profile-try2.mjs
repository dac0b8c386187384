import { AIMessageChunk } from '@langchain/core/messages';
const { convert } = await import('/work/main/dist/index.js');
const n = 8000;
const chunks = []; for (let i=0;i<n;i++) chunks.push(new AIMessageChunk({id:'m', content:`word${i%100} `}));
const records = chunks.map(c=>JSON.parse(JSON.stringify(c)));
const s=performance.now();
for(let k=0;k<30;k++) convert(records,{from:'langchain',to:'ai-sdk-ui',collectIssues:false});
console.log(((performance.now()-s)/30).toFixed(1),'ms per', n);
